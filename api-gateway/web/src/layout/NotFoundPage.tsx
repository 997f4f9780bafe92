import { Link } from 'react-router-dom';

export function NotFoundPage() {
  return (
    <div className="text-center my-5">
      <h1 className="h3">Not found</h1>
      <p className="text-secondary">There is no page at this address.</p>
      <Link to="/" className="btn btn-primary">
        Go to the home page
      </Link>
    </div>
  );
}
