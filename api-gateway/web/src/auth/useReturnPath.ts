import { useSearchParams } from 'react-router-dom';

/** Where to go after signing in: the page that asked for it (`?next=`), if it is one of ours. */
export function useReturnPath(): string {
  const [params] = useSearchParams();
  const next = params.get('next');
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}
