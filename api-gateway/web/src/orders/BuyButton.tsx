import { useId } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { useCurrentUser } from '../auth/authApi';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useCreateOrder, type BuyTarget } from './ordersApi';

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

  function buy() {
    if (!currentUser.data) {
      navigate(`/signin?next=${encodeURIComponent(location.pathname)}`);
      return;
    }
    createOrder.mutate(target, { onSuccess: (order) => navigate(`/orders/${order.id}`) });
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
      {createOrder.isError && (
        <div className="mt-3">
          <ErrorAlert error={createOrder.error} onRetry={buy} />
        </div>
      )}
    </div>
  );
}
