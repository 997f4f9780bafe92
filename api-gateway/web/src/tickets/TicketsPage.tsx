import { Link } from 'react-router-dom';
import { ErrorAlert } from '../ui/ErrorAlert';
import { QueryErrorAlert } from '../ui/QueryErrorAlert';
import { formatPrice } from '../ui/format';
import { LoadMore } from '../ui/LoadMore';
import { Loading } from '../ui/Loading';
import { useTickets } from './ticketsApi';

export function TicketsPage() {
  const tickets = useTickets();
  const items = tickets.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <>
      <h1 className="h3 mb-3">Tickets for sale</h1>
      {tickets.isPending && <Loading />}
      {tickets.isError && !tickets.isFetchNextPageError && <QueryErrorAlert error={tickets.error} />}
      {tickets.isSuccess && items.length === 0 && <p className="text-secondary">No tickets are for sale right now.</p>}
      <div className="list-group">
        {items.map((ticket) => (
          <Link key={ticket.id} to={`/tickets/${ticket.id}`} className="list-group-item list-group-item-action d-flex justify-content-between gap-3">
            <span className="text-break">{ticket.title}</span>
            <span className="fw-semibold text-nowrap">{formatPrice(ticket.price)}</span>
          </Link>
        ))}
      </div>
      {tickets.isFetchNextPageError && <ErrorAlert error={tickets.error} onRetry={() => void tickets.fetchNextPage()} />}
      <LoadMore hasMore={tickets.hasNextPage} loading={tickets.isFetchingNextPage} onLoadMore={() => void tickets.fetchNextPage()} />
    </>
  );
}
