/**
 * How an event page learns that tickets were taken. `sse` (the default) listens to
 * GET /api/events/{id}/live and falls back to polling if that stream fails; `poll` asks
 * GET /api/events/{id} every second. Build with VITE_EVENT_LIVE_UPDATES=poll to poll only.
 */
export type LiveUpdatesMode = 'poll' | 'sse';

export const liveUpdatesMode: LiveUpdatesMode = import.meta.env.VITE_EVENT_LIVE_UPDATES === 'poll' ? 'poll' : 'sse';

export const POLL_MS = 1_000;

/** One message of the live stream: `data: {"available": 2, "sold": 1}`. */
export interface AvailabilityUpdate {
  available: number;
  sold: number;
}
