import { describe, expect, it } from 'vitest';
import { fakeFetch } from '../test/fakeFetch';
import { ApiError } from './ApiError';
import { api } from './client';
import { errorMessage } from './errorMessages';

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('api client', () => {
  it('turns problem+json into an ApiError with camelCase field errors', async () => {
    fakeFetch({
      'POST /api/tickets': {
        status: 400,
        body: { status: 400, title: 'Invalid', code: 'validation_failed', errors: { Title: ['Title is required.'], '$.price': ['Price must be a number.'] } },
      },
    });

    const error = await failure(api.post('/api/tickets', { title: '', price: 'x' }));

    expect(error).toMatchObject({ status: 400, code: 'validation_failed', title: 'Invalid' });
    expect(error.errors).toEqual({ title: ['Title is required.'], price: ['Price must be a number.'] });
  });

  it("keeps the server's Retry-After in milliseconds, and none when it sent none", async () => {
    const busy = { status: 503, body: { status: 503, title: 'Unavailable', code: 'event_recovering' } };
    fakeFetch({ 'POST /api/orders': { ...busy, headers: { 'Retry-After': '2' } }, 'GET /api/orders': busy });

    expect((await failure(api.post('/api/orders', { eventId: 'e1' }))).retryAfterMs).toBe(2_000);
    expect((await failure(api.get('/api/orders'))).retryAfterMs).toBeUndefined();
  });

  it('reports a body that is not JSON by its status, never by its text', async () => {
    fakeFetch({ 'GET /api/events': { status: 502, body: '<html>Bad gateway</html>', contentType: 'text/html' } });

    const error = await failure(api.get('/api/events'));

    expect(error).toMatchObject({ status: 502, code: 'unavailable', isTransient: true });
    expect(errorMessage(error)).toBe('Ticketing is temporarily unavailable. Please try again in a moment.');
  });

  it('reports a lost connection as network_error', async () => {
    const fetch = fakeFetch({});
    fetch.mockRejectedValue(new TypeError('Failed to fetch'));

    const error = await failure(api.get('/api/tickets'));

    expect(error).toMatchObject({ status: 0, code: 'network_error', isTransient: true });
    expect(errorMessage(error)).toBe('Cannot reach Ticketing. Check your connection and try again.');
  });

  it('uses the server’s detail for a code it does not know', async () => {
    fakeFetch({ 'GET /api/orders': { status: 409, body: { status: 409, title: 'Conflict', code: 'something_new', detail: 'Something new happened.' } } });

    expect(errorMessage(await failure(api.get('/api/orders')))).toBe('Something new happened.');
  });
});
