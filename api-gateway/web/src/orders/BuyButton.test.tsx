import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { fakeFetch } from '../test/fakeFetch';
import { renderPage } from '../test/renderPage';
import { BuyButton } from './BuyButton';

const signedIn = { status: 200, body: { currentUser: { id: 'u1', email: 'ann@example.com', username: 'ann' } } };
const placed = { status: 201, body: { id: 'o1', status: 'created' } };
const recounting = {
  status: 503,
  headers: { 'Retry-After': '0' },
  body: { status: 503, title: 'Service Unavailable', code: 'event_recovering', detail: 'This event is recounting its seats.' },
};

/** The event page keeps its Buy button when the buyer moves on to another event. */
function EventSwitcher() {
  const [eventId, setEventId] = useState('e1');
  return (
    <>
      <BuyButton target={{ eventId }} />
      <button type="button" onClick={() => setEventId('e2')}>
        Next event
      </button>
    </>
  );
}

function keysSent(stub: ReturnType<typeof fakeFetch>): (string | undefined)[] {
  return stub.mock.calls
    .filter(([, init]) => init?.method === 'POST')
    .map(([, init]) => (init?.headers as Record<string, string> | undefined)?.['Idempotency-Key']);
}

describe('BuyButton', () => {
  it('retries a purchase whose answer was lost with the same Idempotency-Key', async () => {
    const fetch = fakeFetch({ 'GET /api/users/currentuser': signedIn, 'POST /api/orders': placed });
    renderPage(<BuyButton target={{ eventId: 'e1' }} />, { path: '/events/e1', route: '/events/:id' });
    const user = userEvent.setup();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Buy' })).toBeEnabled());

    fetch.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    await user.click(screen.getByRole('button', { name: 'Buy' }));
    await user.click(await screen.findByRole('button', { name: 'Retry' }));

    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/orders/o1'));
    const [first, retry] = keysSent(fetch);
    expect(first).toMatch(/^[0-9a-f]{32}$/);
    expect(retry).toBe(first);
  });

  it('gives another ticket its own Idempotency-Key', async () => {
    const fetch = fakeFetch({
      'GET /api/users/currentuser': signedIn,
      'POST /api/orders': { status: 409, body: { status: 409, title: 'Conflict', code: 'sold_out', detail: 'This event is sold out.' } },
    });
    renderPage(<EventSwitcher />, { path: '/events/e1', route: '/events/:id' });
    const user = userEvent.setup();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Buy' })).toBeEnabled());

    await user.click(screen.getByRole('button', { name: 'Buy' }));
    await screen.findByRole('alert');
    await user.click(screen.getByRole('button', { name: 'Next event' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Buy' })).toBeEnabled());
    await user.click(screen.getByRole('button', { name: 'Buy' }));

    await waitFor(() => expect(keysSent(fetch)).toHaveLength(2));
    const [forFirst, forSecond] = keysSent(fetch);
    expect(forSecond).not.toBe(forFirst);
  });

  it('sends the purchase again by itself while the event recounts its seats, with the same Idempotency-Key', async () => {
    const answers = [recounting, recounting, placed];
    const fetch = fakeFetch({ 'GET /api/users/currentuser': signedIn, 'POST /api/orders': () => answers.shift() ?? placed });
    renderPage(<BuyButton target={{ eventId: 'e1' }} />, { path: '/events/e1', route: '/events/:id' });
    const user = userEvent.setup();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Buy' })).toBeEnabled());

    await user.click(screen.getByRole('button', { name: 'Buy' }));

    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/orders/o1'));
    const keys = keysSent(fetch);
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('does not send again an answer that is final', async () => {
    const fetch = fakeFetch({
      'GET /api/users/currentuser': signedIn,
      'POST /api/orders': { status: 409, body: { status: 409, title: 'Conflict', code: 'sold_out', detail: 'This event is sold out.' } },
    });
    renderPage(<BuyButton target={{ eventId: 'e1' }} />, { path: '/events/e1', route: '/events/:id' });
    const user = userEvent.setup();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Buy' })).toBeEnabled());

    await user.click(screen.getByRole('button', { name: 'Buy' }));

    await screen.findByRole('alert');
    expect(keysSent(fetch)).toHaveLength(1);
  });

  it('gives up after ten more attempts while the event still recounts, and offers Retry', async () => {
    const fetch = fakeFetch({ 'GET /api/users/currentuser': signedIn, 'POST /api/orders': recounting });
    renderPage(<BuyButton target={{ eventId: 'e1' }} />, { path: '/events/e1', route: '/events/:id' });
    const user = userEvent.setup();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Buy' })).toBeEnabled());

    await user.click(screen.getByRole('button', { name: 'Buy' }));

    expect(await screen.findByRole('button', { name: 'Retry' })).toBeInTheDocument();
    expect(keysSent(fetch)).toHaveLength(11);
  });
});
