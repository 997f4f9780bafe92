import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { Order } from '../api/types';
import { Countdown } from '../ui/Countdown';
import { ErrorAlert } from '../ui/ErrorAlert';
import { QueryErrorAlert } from '../ui/QueryErrorAlert';
import { formatPrice } from '../ui/format';
import { Loading } from '../ui/Loading';
import { StatusBadge } from '../ui/StatusBadge';
import { useCancelOrder, useOrder } from './ordersApi';
import { PayForm } from './PayForm';

export function OrderPage() {
  const { id = '' } = useParams();
  const order = useOrder(id);

  if (order.isPending) return <Loading />;
  if (!order.data) return <QueryErrorAlert error={order.error} />;
  // When the time to pay runs out, ask the server at once: it cancels the order as it answers.
  return <OrderDetails order={order.data} onTimeUp={() => void order.refetch()} />;
}

function OrderDetails({ order, onTimeUp }: { order: Order; onTimeUp: () => void }) {
  const [timeUp, setTimeUp] = useState(() => Date.parse(order.expiresAt) <= Date.now());
  const cancel = useCancelOrder(order.id);
  const open = order.status === 'created' || order.status === 'awaiting:payment';
  const expired = (order.status === 'cancelled' && order.cancelReason === 'expired') || (open && timeUp);

  return (
    <div className="row justify-content-center">
      <div className="col-lg-8">
        <h1 className="h3">Your order</h1>
        <dl className="row">
          <dt className="col-4 col-sm-3">Ticket</dt>
          <dd className="col-8 col-sm-9 text-break">
            <Link to={`/tickets/${order.ticket.id}`}>{order.ticket.title}</Link>
          </dd>
          <dt className="col-4 col-sm-3">Price</dt>
          <dd className="col-8 col-sm-9">{formatPrice(order.ticket.price)}</dd>
          <dt className="col-4 col-sm-3">Status</dt>
          <dd className="col-8 col-sm-9" data-testid="order-status">
            <StatusBadge status={order.status} />
          </dd>
        </dl>

        {expired && (
          <div role="status" className="alert alert-warning">
            <strong>Order expired</strong>: the time to pay ran out and the ticket was released.
          </div>
        )}
        {order.status === 'cancelled' && order.cancelReason === 'user' && (
          <div role="status" className="alert alert-secondary">
            You cancelled this order.
          </div>
        )}
        {order.status === 'complete' && (
          <div role="status" className="alert alert-success">
            Paid. The ticket is yours.
          </div>
        )}
        {order.status === 'awaiting:payment' && !expired && <p className="text-secondary">Your payment is being processed…</p>}

        {open && !expired && (
          <>
            <Countdown to={order.expiresAt} label="Time left to pay" onDone={() => {
                setTimeUp(true);
                onTimeUp();
              }} />
            {order.status === 'created' && (
              <>
                <PayForm orderId={order.id} />
                {cancel.isError && <ErrorAlert error={cancel.error} onRetry={() => cancel.mutate()} />}
                <button type="button" className="btn btn-outline-danger" onClick={() => cancel.mutate()} disabled={cancel.isPending}>
                  Cancel order
                </button>
              </>
            )}
          </>
        )}
      </div>
    </div>
  );
}
