import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { TicketEvent } from '../api/types';
import { eventKeys, useEvent } from './eventsApi';
import { liveUpdatesMode, POLL_MS, type AvailabilityUpdate } from './liveUpdates';
import { useEventSource } from './useEventSource';

/**
 * The event, kept current: from the SSE stream when that mode is on and the stream works,
 * otherwise by polling. Either way the page reads one cached query.
 */
export function useLiveEvent(id: string) {
  const client = useQueryClient();
  const [streamFailed, setStreamFailed] = useState(false);
  const streaming = liveUpdatesMode === 'sse' && !streamFailed && typeof EventSource !== 'undefined';

  useEventSource<AvailabilityUpdate>(
    streaming ? `/api/events/${encodeURIComponent(id)}/live` : null,
    ({ available, sold }) =>
      client.setQueryData<TicketEvent>(eventKeys.detail(id), (event) => (event ? { ...event, available, sold } : event)),
    () => setStreamFailed(true),
  );

  return useEvent(id, { refetchInterval: streaming ? false : POLL_MS });
}
