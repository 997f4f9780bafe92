import { Link } from 'react-router-dom';
import { ErrorAlert } from '../ui/ErrorAlert';
import { QueryErrorAlert } from '../ui/QueryErrorAlert';
import { formatDateTime, formatPrice } from '../ui/format';
import { LoadMore } from '../ui/LoadMore';
import { Loading } from '../ui/Loading';
import { useEvents } from './eventsApi';

export function EventsPage() {
  const events = useEvents();
  const items = events.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <>
      <div className="d-flex flex-wrap justify-content-between align-items-center gap-2 mb-3">
        <h1 className="h3 mb-0">Events</h1>
        <Link to="/events/new" className="btn btn-outline-primary">
          Create event
        </Link>
      </div>
      {events.isPending && <Loading />}
      {events.isError && !events.isFetchNextPageError && <QueryErrorAlert error={events.error} />}
      {events.isSuccess && items.length === 0 && <p className="text-secondary">No events yet.</p>}
      <div className="list-group">
        {items.map((event) => (
          <Link key={event.id} to={`/events/${event.id}`} className="list-group-item list-group-item-action">
            <div className="d-flex justify-content-between gap-3">
              <span className="fw-semibold text-break">{event.title}</span>
              <span className="text-nowrap">{formatPrice(event.price)}</span>
            </div>
            <small className="text-secondary">
              {event.available} of {event.capacity} left · on sale {formatDateTime(event.onSaleAt)}
            </small>
          </Link>
        ))}
      </div>
      {events.isFetchNextPageError && <ErrorAlert error={events.error} onRetry={() => void events.fetchNextPage()} />}
      <LoadMore hasMore={events.hasNextPage} loading={events.isFetchingNextPage} onLoadMore={() => void events.fetchNextPage()} />
    </>
  );
}
