import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeFetch, sentBody } from '../test/fakeFetch';
import { renderPage } from '../test/renderPage';
import { SellTicketPage } from './SellTicketPage';

const ticket = { id: 't1', title: 'Front row', price: 20.5, userId: 'u1', orderId: null, eventId: null, status: 'available', version: 0 };

describe('SellTicketPage', () => {
  it('lists the ticket with a numeric price and opens its page', async () => {
    const fetch = fakeFetch({ 'POST /api/tickets': { status: 201, body: ticket } });
    renderPage(<SellTicketPage />, { path: '/sell' });
    const user = userEvent.setup();

    await user.type(screen.getByLabelText('Title'), 'Front row');
    await user.type(screen.getByLabelText('Price'), '20.50');
    await user.click(screen.getByRole('button', { name: 'Sell ticket' }));

    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/tickets/t1'));
    expect(sentBody(fetch, 'POST /api/tickets')).toEqual({ title: 'Front row', price: 20.5 });
  });

  it('shows a price error from the server next to Price', async () => {
    fakeFetch({
      'POST /api/tickets': {
        status: 400,
        body: { status: 400, title: 'Validation failed', code: 'validation_failed', errors: { price: ['Price must be greater than 0.'] } },
      },
    });
    renderPage(<SellTicketPage />, { path: '/sell' });
    const user = userEvent.setup();

    await user.type(screen.getByLabelText('Title'), 'Free seat');
    await user.type(screen.getByLabelText('Price'), '0');
    await user.click(screen.getByRole('button', { name: 'Sell ticket' }));

    await waitFor(() => expect(screen.getByLabelText('Price')).toHaveAccessibleDescription(/Price must be greater than 0\./));
    expect(screen.getByLabelText('Title')).toHaveAttribute('aria-invalid', 'false');
  });
});
