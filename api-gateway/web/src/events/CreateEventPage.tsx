import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { ErrorAlert } from '../ui/ErrorAlert';
import { TextField } from '../ui/Field';
import { formErrors } from '../ui/formErrors';
import { parseNumber } from '../ui/parseNumber';
import { useCreateEvent, type EventInput } from './eventsApi';

const fields = ['title', 'price', 'capacity', 'onSaleAt', 'maxPerUser'] as const;

export function CreateEventPage() {
  const [title, setTitle] = useState('');
  const [price, setPrice] = useState('');
  const [capacity, setCapacity] = useState('');
  const [onSaleAt, setOnSaleAt] = useState('');
  const [maxPerUser, setMaxPerUser] = useState('');
  const create = useCreateEvent();
  const navigate = useNavigate();
  const errors = formErrors(create.error, fields);

  function send() {
    const input: EventInput = { title, price: parseNumber(price), capacity: parseNumber(capacity) };
    // datetime-local is the organizer's local time; the API wants UTC.
    if (onSaleAt) input.onSaleAt = new Date(onSaleAt).toISOString();
    const limit = parseNumber(maxPerUser);
    if (limit !== null) input.maxPerUser = limit;
    create.mutate(input, { onSuccess: (event) => navigate(`/events/${event.id}`) });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    send();
  }

  return (
    <div className="row justify-content-center">
      <div className="col-md-8 col-lg-6">
        <h1 className="h3 mb-3">Create an event</h1>
        {errors.summary && <ErrorAlert error={create.error} message={errors.summary} onRetry={send} />}
        <form onSubmit={submit} noValidate>
          <TextField label="Title" value={title} onChange={(e) => setTitle(e.target.value)} errors={errors.field('title')} />
          <div className="row">
            <div className="col-sm-6">
              <TextField
                label="Price"
                type="number"
                inputMode="decimal"
                min="0.01"
                step="0.01"
                hint="Per ticket, in US dollars."
                value={price}
                onChange={(e) => setPrice(e.target.value)}
                errors={errors.field('price')}
              />
            </div>
            <div className="col-sm-6">
              <TextField
                label="Capacity"
                type="number"
                inputMode="numeric"
                min="1"
                step="1"
                hint="How many tickets to sell."
                value={capacity}
                onChange={(e) => setCapacity(e.target.value)}
                errors={errors.field('capacity')}
              />
            </div>
          </div>
          <TextField
            label="On sale at"
            type="datetime-local"
            hint="Your local time. Leave empty to go on sale now."
            value={onSaleAt}
            onChange={(e) => setOnSaleAt(e.target.value)}
            errors={errors.field('onSaleAt')}
          />
          <TextField
            label="Max per user"
            type="number"
            inputMode="numeric"
            min="1"
            step="1"
            hint="Optional. Leave empty for no limit."
            value={maxPerUser}
            onChange={(e) => setMaxPerUser(e.target.value)}
            errors={errors.field('maxPerUser')}
          />
          <button type="submit" className="btn btn-primary" disabled={create.isPending}>
            Create event
          </button>
        </form>
      </div>
    </div>
  );
}
