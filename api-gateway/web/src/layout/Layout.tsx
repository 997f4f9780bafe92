import { Outlet, useLocation } from 'react-router-dom';
import { ErrorBoundary } from './ErrorBoundary';
import { Header } from './Header';

export function Layout() {
  const location = useLocation();
  return (
    <>
      <Header />
      <main className="container pb-5">
        {/* Keyed by page, so leaving a page that failed clears the failure. */}
        <ErrorBoundary key={location.pathname}>
          <Outlet />
        </ErrorBoundary>
      </main>
    </>
  );
}
