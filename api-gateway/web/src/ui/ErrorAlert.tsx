import { isApiError } from '../api/ApiError';
import { errorMessage } from '../api/errorMessages';

interface ErrorAlertProps {
  error: unknown;
  /** Offered as a "Retry" button when trying again may help (no connection, server trouble). */
  onRetry?: () => void;
  /** Overrides the sentence derived from the error. */
  message?: string;
}

export function ErrorAlert({ error, onRetry, message }: ErrorAlertProps) {
  const retryable = onRetry !== undefined && (!isApiError(error) || error.isTransient);
  return (
    <div role="alert" className="alert alert-danger d-flex flex-wrap align-items-center gap-2">
      <span className="me-auto">{message ?? errorMessage(error)}</span>
      {retryable && (
        <button type="button" className="btn btn-sm btn-outline-danger" onClick={onRetry}>
          Retry
        </button>
      )}
    </div>
  );
}
