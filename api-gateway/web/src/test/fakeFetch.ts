import { vi } from 'vitest';

export interface FakeResponse {
  status: number;
  body?: unknown;
  contentType?: string;
  headers?: Record<string, string>;
}

/**
 * Replaces `fetch` with a stub answering `METHOD /path` keys (the query string is ignored).
 * Unlisted requests fail the test loudly with a 599.
 */
export function fakeFetch(routes: Record<string, FakeResponse | (() => FakeResponse)>) {
  const stub = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    const key = `${init?.method ?? 'GET'} ${url.pathname}`;
    const route = routes[key];
    const answer = typeof route === 'function' ? route() : (route ?? { status: 599, body: { title: `unexpected ${key}` } });
    const contentType = answer.contentType ?? (answer.status >= 400 ? 'application/problem+json' : 'application/json');
    const body = answer.body === undefined ? null : typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
    return new Response(body, { status: answer.status, headers: { 'Content-Type': contentType, ...answer.headers } });
  });
  vi.stubGlobal('fetch', stub);
  return stub;
}

/** The parsed JSON body of the stub's call to `METHOD /path`. */
export function sentBody(stub: ReturnType<typeof fakeFetch>, key: string): unknown {
  const call = stub.mock.calls.find(([input, init]) => `${init?.method ?? 'GET'} ${new URL(String(input), 'http://localhost').pathname}` === key);
  if (!call) throw new Error(`no request ${key}`);
  return JSON.parse(String(call[1]?.body));
}
