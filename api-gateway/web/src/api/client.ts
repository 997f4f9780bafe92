import { ApiError, type FieldErrors } from './ApiError';

// Every server call goes through here. The session lives in the HttpOnly cookie the gateway
// sets, so requests only need to be same-origin; no token is ever handled in the browser.

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

async function request<T>(method: Method, path: string, body?: unknown, extraHeaders: Record<string, string> = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...extraHeaders,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError({ status: 0, code: 'network_error', title: 'No connection' });
  }

  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

async function toApiError(response: Response): Promise<ApiError> {
  const retryAfterMs = readRetryAfter(response.headers.get('Retry-After'));
  const problem = await readJson(response);
  if (problem === null) {
    // A proxy or a crashed server answered with something that is not problem+json.
    return new ApiError({ status: response.status, code: fallbackCode(response.status), title: response.statusText || 'Error', retryAfterMs });
  }
  return new ApiError({
    status: typeof problem.status === 'number' ? problem.status : response.status,
    code: typeof problem.code === 'string' ? problem.code : fallbackCode(response.status),
    title: typeof problem.title === 'string' ? problem.title : response.statusText,
    detail: typeof problem.detail === 'string' ? problem.detail : undefined,
    errors: normalizeFieldErrors(problem.errors),
    retryAfterMs,
  });
}

/** `Retry-After` in milliseconds: delay-seconds or an HTTP date; undefined when absent or unreadable. */
function readRetryAfter(value: string | null): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

async function readJson(response: Response): Promise<Record<string, unknown> | null> {
  try {
    const value: unknown = await response.json();
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function fallbackCode(status: number): string {
  if (status === 401) return 'unauthorized';
  if (status === 404) return 'not_found';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'unavailable';
  return 'error';
}

/** ASP.NET may name a field `Price`, `price` or `$.price`; the forms look them up as camelCase. */
function normalizeFieldErrors(raw: unknown): FieldErrors {
  if (raw === null || typeof raw !== 'object') return {};
  const result: FieldErrors = {};
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const messages = Array.isArray(value) ? value.filter((m): m is string => typeof m === 'string') : [];
    const bare = key.replace(/^\$\.?/, '');
    const field = bare.charAt(0).toLowerCase() + bare.slice(1);
    result[field] = [...(result[field] ?? []), ...messages];
  }
  return result;
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown, headers?: Record<string, string>) => request<T>('POST', path, body ?? {}, headers),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
};
