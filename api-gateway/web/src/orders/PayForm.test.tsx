import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeFetch, sentBody } from '../test/fakeFetch';
import { renderPage } from '../test/renderPage';
import { PayForm } from './PayForm';

describe('PayForm', () => {
  it('offers the test cards by name', () => {
    renderPage(<PayForm orderId="o1" />);

    const card = screen.getByLabelText('Card');
    expect(screen.getByRole('option', { name: 'Visa (succeeds)' })).toHaveValue('tok_visa');
    expect(screen.getByRole('option', { name: 'Declined card' })).toHaveValue('tok_chargeDeclined');
    expect(card).toHaveValue('tok_visa');
  });

  it('says the card was declined when the server answers 402', async () => {
    const fetch = fakeFetch({
      'POST /api/payments': {
        status: 402,
        body: { type: 'about:blank', status: 402, title: 'Payment Required', code: 'card_declined', detail: 'Your card was declined.' },
      },
      'GET /api/orders/o1': { status: 200, body: { id: 'o1', status: 'created' } },
    });
    renderPage(<PayForm orderId="o1" />);
    const user = userEvent.setup();

    await user.selectOptions(screen.getByLabelText('Card'), 'Declined card');
    await user.click(screen.getByRole('button', { name: 'Pay' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Your card was declined. Choose another card and try again.');
    expect(sentBody(fetch, 'POST /api/payments')).toEqual({ orderId: 'o1', token: 'tok_chargeDeclined' });
    expect(screen.queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Pay' })).toBeEnabled());
  });
});
