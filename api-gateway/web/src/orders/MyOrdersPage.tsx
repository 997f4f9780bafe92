import { Link } from 'react-router-dom';
import { QueryErrorAlert } from '../ui/QueryErrorAlert';
import { formatPrice } from '../ui/format';
import { Loading } from '../ui/Loading';
import { StatusBadge } from '../ui/StatusBadge';
import { useMyOrders } from './ordersApi';

export function MyOrdersPage() {
  const orders = useMyOrders();

  return (
    <>
      <h1 className="h3 mb-3">My orders</h1>
      {orders.isPending && <Loading />}
      {orders.isError && <QueryErrorAlert error={orders.error} />}
      {orders.data?.length === 0 && (
        <p className="text-secondary">
          You have no orders yet. <Link to="/">Find a ticket to buy.</Link>
        </p>
      )}
      {orders.data && orders.data.length > 0 && (
        <ul className="list-group">
          {orders.data.map((order) => (
            <li key={order.id} className="list-group-item d-flex flex-wrap justify-content-between align-items-center gap-2">
              <Link to={`/orders/${order.id}`} className="text-break me-auto">
                {order.ticket.title}
              </Link>
              <span className="text-nowrap">{formatPrice(order.ticket.price)}</span>
              <StatusBadge status={order.status} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
