import { Link, NavLink, useNavigate } from 'react-router-dom';
import { useCurrentUser, useSignOut } from '../auth/authApi';

const sections = [
  { to: '/tickets', label: 'Tickets' },
  { to: '/events', label: 'Events' },
  { to: '/sell', label: 'Sell a ticket' },
  { to: '/orders', label: 'My orders' },
];

// Always expanded (no hamburger): on a phone the links wrap onto a second line and stay one tap away.
export function Header() {
  const currentUser = useCurrentUser();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const user = currentUser.data;

  return (
    <header className="navbar navbar-expand navbar-dark bg-dark mb-4">
      <nav className="container flex-wrap gap-2" aria-label="Main">
        <Link to="/" className="navbar-brand fw-bold">
          Ticketing
        </Link>
        <ul className="navbar-nav flex-wrap me-auto">
          {sections.map((section) => (
            <li key={section.to} className="nav-item">
              <NavLink to={section.to} className="nav-link">
                {section.label}
              </NavLink>
            </li>
          ))}
        </ul>
        {user ? (
          <div className="d-flex align-items-center gap-2">
            <span className="navbar-text text-light" data-testid="current-username">
              {user.username}
            </span>
            <button
              type="button"
              className="btn btn-sm btn-outline-light"
              disabled={signOut.isPending}
              onClick={() => signOut.mutate(undefined, { onSuccess: () => navigate('/') })}
            >
              Sign out
            </button>
            {signOut.isError && (
              <span role="alert" className="small text-warning">
                Could not sign out. Try again.
              </span>
            )}
          </div>
        ) : (
          !currentUser.isPending && (
            <ul className="navbar-nav">
              <li className="nav-item">
                <NavLink to="/signin" className="nav-link">
                  Sign in
                </NavLink>
              </li>
              <li className="nav-item">
                <NavLink to="/signup" className="nav-link">
                  Sign up
                </NavLink>
              </li>
            </ul>
          )
        )}
      </nav>
    </header>
  );
}
