import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { QueryErrorAlert } from '../ui/QueryErrorAlert';
import { Loading } from '../ui/Loading';
import { useCurrentUser } from './authApi';

/** Shows its children to a signed-in user; sends anyone else to sign in and back here afterwards. */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const currentUser = useCurrentUser();
  const location = useLocation();

  if (currentUser.isPending) return <Loading />;
  if (currentUser.isError) return <QueryErrorAlert error={currentUser.error} />;
  if (!currentUser.data) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/signin?next=${next}`} replace />;
  }
  return children;
}
