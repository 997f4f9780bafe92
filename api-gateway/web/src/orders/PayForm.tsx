import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../ui/ErrorAlert';
import { SelectField } from '../ui/Field';
import { usePay } from './ordersApi';
import { testCards } from './testCards';

/** Pays an order with one of the test cards. */
export function PayForm({ orderId }: { orderId: string }) {
  const [token, setToken] = useState<string>(testCards[0].token);
  const pay = usePay();

  function send() {
    pay.mutate({ orderId, token });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    send();
  }

  return (
    <form onSubmit={submit} className="card card-body my-3">
      <h2 className="h5">Payment</h2>
      {pay.isError && <ErrorAlert error={pay.error} onRetry={send} />}
      <SelectField label="Card" hint="Test mode: no real card is charged." value={token} onChange={(e) => setToken(e.target.value)}>
        {testCards.map((card) => (
          <option key={card.token} value={card.token}>
            {card.label}
          </option>
        ))}
      </SelectField>
      <div>
        <button type="submit" className="btn btn-success btn-lg px-5" disabled={pay.isPending}>
          Pay
        </button>
      </div>
    </form>
  );
}
