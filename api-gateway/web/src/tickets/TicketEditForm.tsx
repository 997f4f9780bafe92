import { useState, type FormEvent, type Ref } from 'react';
import type { Ticket } from '../api/types';
import { ErrorAlert } from '../ui/ErrorAlert';
import { TextField } from '../ui/Field';
import { formErrors } from '../ui/formErrors';
import { parseNumber } from '../ui/parseNumber';
import { useUpdateTicket } from './ticketsApi';

const fields = ['title', 'price'] as const;

interface TicketEditFormProps {
  ticket: Ticket;
  /** Lets the page move the focus to the Title box. */
  titleRef?: Ref<HTMLInputElement>;
}

/** The seller's form to change a listing's title and price. */
export function TicketEditForm({ ticket, titleRef }: TicketEditFormProps) {
  const [title, setTitle] = useState(ticket.title);
  const [price, setPrice] = useState(String(ticket.price));
  const update = useUpdateTicket(ticket.id);
  const errors = formErrors(update.error, fields);

  function send() {
    update.mutate({ title, price: parseNumber(price) });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    send();
  }

  return (
    <form onSubmit={submit} noValidate>
      {errors.summary && <ErrorAlert error={update.error} message={errors.summary} onRetry={send} />}
      {update.isSuccess && (
        <div role="status" className="alert alert-success">
          Your changes are saved.
        </div>
      )}
      <TextField ref={titleRef} label="Title" value={title} onChange={(e) => setTitle(e.target.value)} errors={errors.field('title')} />
      <TextField
        label="Price"
        type="number"
        inputMode="decimal"
        min="0.01"
        step="0.01"
        value={price}
        onChange={(e) => setPrice(e.target.value)}
        errors={errors.field('price')}
      />
      <button type="submit" className="btn btn-primary" disabled={update.isPending}>
        Save
      </button>
    </form>
  );
}
