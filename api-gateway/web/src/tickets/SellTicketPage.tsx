import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { ErrorAlert } from '../ui/ErrorAlert';
import { TextField } from '../ui/Field';
import { formErrors } from '../ui/formErrors';
import { parseNumber } from '../ui/parseNumber';
import { useSellTicket } from './ticketsApi';

const fields = ['title', 'price'] as const;

export function SellTicketPage() {
  const [title, setTitle] = useState('');
  const [price, setPrice] = useState('');
  const sell = useSellTicket();
  const navigate = useNavigate();
  const errors = formErrors(sell.error, fields);

  function send() {
    sell.mutate({ title, price: parseNumber(price) }, { onSuccess: (ticket) => navigate(`/tickets/${ticket.id}`) });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    send();
  }

  return (
    <div className="row justify-content-center">
      <div className="col-md-8 col-lg-6">
        <h1 className="h3 mb-3">Sell a ticket</h1>
        {errors.summary && <ErrorAlert error={sell.error} message={errors.summary} onRetry={send} />}
        <form onSubmit={submit} noValidate>
          <TextField label="Title" value={title} onChange={(e) => setTitle(e.target.value)} errors={errors.field('title')} />
          <TextField
            label="Price"
            type="number"
            inputMode="decimal"
            min="0.01"
            step="0.01"
            hint="In US dollars, for example 20.50."
            value={price}
            onChange={(e) => setPrice(e.target.value)}
            errors={errors.field('price')}
          />
          <button type="submit" className="btn btn-primary" disabled={sell.isPending}>
            Sell ticket
          </button>
        </form>
      </div>
    </div>
  );
}
