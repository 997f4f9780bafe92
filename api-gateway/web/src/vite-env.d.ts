/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** `sse` turns on the live stream of event availability; anything else polls. */
  readonly VITE_EVENT_LIVE_UPDATES?: string;
}
