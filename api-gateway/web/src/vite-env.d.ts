/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** `poll` turns off the live stream of event availability (SSE, the default) and polls instead. */
  readonly VITE_EVENT_LIVE_UPDATES?: string;
}
