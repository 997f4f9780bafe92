import { useQueryClient } from '@tanstack/react-query';
import { ErrorAlert } from './ErrorAlert';

/**
 * A failed load, readably. Its "Retry" reloads every query that failed, so one button brings
 * the whole page (header included) back after a lost connection.
 */
export function QueryErrorAlert({ error, message }: { error: unknown; message?: string }) {
  const client = useQueryClient();
  const retry = () => void client.refetchQueries({ type: 'active', predicate: (query) => query.state.status === 'error' });
  return <ErrorAlert error={error} message={message} onRetry={retry} />;
}
