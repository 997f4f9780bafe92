import { Component, type ReactNode } from 'react';

interface State {
  failed: boolean;
}

/** A bug in one page shows a way out instead of a blank screen. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div role="alert" className="alert alert-danger d-flex flex-wrap align-items-center gap-2">
        <span className="me-auto">Something went wrong while showing this page.</span>
        <button type="button" className="btn btn-sm btn-outline-danger" onClick={() => window.location.reload()}>
          Retry
        </button>
      </div>
    );
  }
}
