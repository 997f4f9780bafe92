import { useParams } from 'react-router-dom';
import { BuyButton } from '../orders/BuyButton';
import { Countdown } from '../ui/Countdown';
import { QueryErrorAlert } from '../ui/QueryErrorAlert';
import { formatDateTime, formatPrice } from '../ui/format';
import { Loading } from '../ui/Loading';
import { useCountdown } from '../ui/useCountdown';
import { Availability } from './Availability';
import { buyBlockReason } from './buyBlockReason';
import { useLiveEvent } from './useLiveEvent';

export function EventPage() {
  const { id = '' } = useParams();
  const event = useLiveEvent(id);
  const untilOnSale = useCountdown(event.data?.onSaleAt ?? 0);

  if (event.isPending) return <Loading />;
  if (!event.data) return <QueryErrorAlert error={event.error} />;

  const e = event.data;
  const onSale = untilOnSale === 0;

  return (
    <div className="row justify-content-center">
      <div className="col-lg-8">
        <h1 className="h3 text-break">{e.title}</h1>
        <p className="fs-5 mb-1">{formatPrice(e.price)} per ticket</p>
        {e.maxPerUser !== null && <p className="text-secondary mb-1">Up to {e.maxPerUser} per person.</p>}
        <Availability available={e.available} capacity={e.capacity} />
        {event.isError && (
          <QueryErrorAlert error={event.error} message="Live updates are paused: cannot reach Ticketing." />
        )}
        {!onSale && (
          <>
            <p className="mb-1 text-secondary">On sale {formatDateTime(e.onSaleAt)}</p>
            <Countdown to={e.onSaleAt} label="On sale in" />
          </>
        )}
        <BuyButton target={{ eventId: e.id }} disabledReason={buyBlockReason(e, onSale)} />
      </div>
    </div>
  );
}
