/**
 * How an event page learns that tickets were taken. `poll` asks GET /api/events/{id} every second;
 * `sse` listens to GET /api/events/{id}/live and falls back to polling if that stream fails.
 * Build with VITE_EVENT_LIVE_UPDATES=sse once the gateway serves the stream.
 */
export type LiveUpdatesMode = 'poll' | 'sse';

export const liveUpdatesMode: LiveUpdatesMode = import.meta.env.VITE_EVENT_LIVE_UPDATES === 'sse' ? 'sse' : 'poll';

export const POLL_MS = 1_000;

/** One message of the live stream: `data: {"available": 2, "sold": 1}`. */
export interface AvailabilityUpdate {
  available: number;
  sold: number;
}
