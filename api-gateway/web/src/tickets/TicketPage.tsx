import { useRef } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useCurrentUser } from '../auth/authApi';
import { BuyButton } from '../orders/BuyButton';
import { QueryErrorAlert } from '../ui/QueryErrorAlert';
import { formatPrice } from '../ui/format';
import { Loading } from '../ui/Loading';
import { StatusBadge } from '../ui/StatusBadge';
import { buyBlockReason } from './buyBlockReason';
import { TicketEditForm } from './TicketEditForm';
import { useTicket } from './ticketsApi';

export function TicketPage() {
  const { id = '' } = useParams();
  const ticket = useTicket(id);
  const currentUser = useCurrentUser();
  const titleRef = useRef<HTMLInputElement>(null);

  if (ticket.isPending) return <Loading />;
  if (!ticket.data) return <QueryErrorAlert error={ticket.error} />;

  const t = ticket.data;
  const isSeller = currentUser.data?.id === t.userId;

  return (
    <div className="row g-4">
      <div className="col-lg-7">
        <h1 className="h3 text-break">{t.title}</h1>
        <dl className="row mb-0">
          <dt className="col-4 col-sm-3">Price</dt>
          <dd className="col-8 col-sm-9 fs-5">{formatPrice(t.price)}</dd>
          <dt className="col-4 col-sm-3">Status</dt>
          <dd className="col-8 col-sm-9">
            <StatusBadge status={t.status} />
          </dd>
        </dl>
        {t.eventId && (
          <p>
            Part of a drop: <Link to={`/events/${t.eventId}`}>see the event</Link>
          </p>
        )}
        <BuyButton target={{ ticketId: t.id }} disabledReason={buyBlockReason(t, currentUser.data)} />
      </div>
      {isSeller && (
        <section className="col-lg-5" aria-labelledby="listing-heading">
          <div className="card card-body">
            <div className="d-flex justify-content-between align-items-center mb-3">
              <h2 id="listing-heading" className="h5 mb-0">
                Your listing
              </h2>
              <button type="button" className="btn btn-sm btn-outline-secondary" onClick={() => titleRef.current?.focus()}>
                Edit
              </button>
            </div>
            <TicketEditForm ticket={t} titleRef={titleRef} />
          </div>
        </section>
      )}
    </div>
  );
}
