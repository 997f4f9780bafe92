/** Field name → messages, as a 400 `validation_failed` problem carries them. */
export type FieldErrors = Record<string, string[]>;

/**
 * A failed call to the API: the problem+json body the gateway sent, or a stand-in for a
 * request that never got an answer (status 0, code `network_error`).
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly errors: FieldErrors;
  /** How long the server asked the caller to wait before trying again (its `Retry-After`), if it said. */
  readonly retryAfterMs: number | undefined;

  constructor(init: { status: number; code: string; title: string; detail?: string; errors?: FieldErrors; retryAfterMs?: number }) {
    super(init.detail ?? init.title);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail;
    this.errors = init.errors ?? {};
    this.retryAfterMs = init.retryAfterMs;
  }

  /** True when trying again later may succeed: no answer, an overloaded or failing server, a rate limit. */
  get isTransient(): boolean {
    return this.status === 0 || this.status === 429 || this.status >= 500;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
