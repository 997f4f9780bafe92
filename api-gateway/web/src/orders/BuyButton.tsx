import { useId, useRef } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { useCurrentUser } from '../auth/authApi';
import { ErrorAlert } from '../ui/ErrorAlert';
import { isRecounting, newIdempotencyKey, useCreateOrder, type BuyTarget } from './ordersApi';

interface BuyButtonProps {
  target: BuyTarget;
  /** Why buying is not possible now; shown next to the disabled button. */
  disabledReason?: string | null;
}

/** "Buy": reserves the ticket in a new order and opens that order, or asks a visitor to sign in first. */
export function BuyButton({ target, disabledReason }: BuyButtonProps) {
  const reasonId = useId();
  const currentUser = useCurrentUser();
  const createOrder = useCreateOrder();
  const navigate = useNavigate();
  const location = useLocation();
  // One key per purchase of one target: "Try again" after an answer that never came resends it, so an order the
  // first attempt did place comes back instead of a second one. A placed order starts the next purchase afresh.
  const purchase = useRef<{ target: string; key: string } | null>(null);

  function keyFor(buying: BuyTarget): string {
    const name = JSON.stringify(buying);
    if (purchase.current?.target !== name) purchase.current = { target: name, key: newIdempotencyKey() };
    return purchase.current.key;
  }

  function buy() {
    if (!currentUser.data) {
      navigate(`/signin?next=${encodeURIComponent(location.pathname)}`);
      return;
    }
    createOrder.mutate(
      { target, idempotencyKey: keyFor(target) },
      {
        onSuccess: (order) => {
          purchase.current = null;
          navigate(`/orders/${order.id}`);
        },
      },
    );
  }

  return (
    <div className="my-3">
      <div className="d-flex flex-wrap align-items-center gap-3">
        <button
          type="button"
          className="btn btn-primary btn-lg px-5"
          onClick={buy}
          disabled={Boolean(disabledReason) || createOrder.isPending || currentUser.isPending}
          aria-describedby={disabledReason ? reasonId : undefined}
        >
          Buy
        </button>
        {disabledReason && (
          <span id={reasonId} className="fw-semibold text-secondary">
            {disabledReason}
          </span>
        )}
      </div>
      {createOrder.isPending && isRecounting(createOrder.failureReason) && (
        <p role="status" className="mt-3 text-secondary">
          This event is recounting its seats after a restart; nothing is reserved yet. Trying again…
        </p>
      )}
      {createOrder.isError && (
        <div className="mt-3">
          <ErrorAlert error={createOrder.error} onRetry={buy} />
        </div>
      )}
    </div>
  );
}
