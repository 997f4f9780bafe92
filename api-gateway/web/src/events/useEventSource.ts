import { useEffect, useRef } from 'react';

/**
 * Listens to a server-sent-events stream at `url` (none while it is null), handing each message's
 * JSON to `onMessage`. The first error closes the stream and calls `onError`, so the caller can fall
 * back to something else instead of the browser's endless reconnect loop.
 */
export function useEventSource<T>(url: string | null, onMessage: (data: T) => void, onError: () => void) {
  const handlers = useRef({ onMessage, onError });
  handlers.current = { onMessage, onError };

  useEffect(() => {
    if (url === null) return;
    const source = new EventSource(url, { withCredentials: true });
    source.onmessage = (message: MessageEvent<string>) => {
      try {
        handlers.current.onMessage(JSON.parse(message.data) as T);
      } catch {
        // A malformed message is skipped; the next one carries the full counts again.
      }
    };
    source.onerror = () => {
      source.close();
      handlers.current.onError();
    };
    return () => source.close();
  }, [url]);
}
