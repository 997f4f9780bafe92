import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../api/ApiError';
import { api } from '../api/client';
import type { Items, Order, Payment } from '../api/types';

export const orderKeys = {
  all: ['orders'] as const,
  mine: ['orders', 'mine'] as const,
  detail: (id: string) => ['orders', 'detail', id] as const,
};

const POLL_MS = 1_000;

export function useMyOrders() {
  return useQuery({ queryKey: orderKeys.mine, queryFn: async () => (await api.get<Items<Order>>('/api/orders')).items });
}

export function useOrder(id: string) {
  return useQuery({
    queryKey: orderKeys.detail(id),
    queryFn: () => api.get<Order>(`/api/orders/${encodeURIComponent(id)}`),
    // Watch the order while its state is about to change on the server: a payment in flight,
    // or a hold whose time ran out and that the server is about to cancel.
    refetchInterval: (query) => {
      const order = query.state.data;
      if (!order) return false;
      if (order.status === 'awaiting:payment') return POLL_MS;
      if (order.status === 'created' && Date.parse(order.expiresAt) <= Date.now()) return POLL_MS;
      return false;
    },
  });
}

/** What to buy: one listed ticket, or any available ticket of an event. */
export type BuyTarget = { ticketId: string } | { eventId: string };

/**
 * A purchase: what to buy, and the Idempotency-Key that makes sending it again (after a lost answer) return the
 * order it may already have placed instead of holding a second ticket.
 */
export interface Purchase {
  target: BuyTarget;
  idempotencyKey: string;
}

/** A fresh Idempotency-Key: 128 random bits in hex (getRandomValues also works on plain-http origins). */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** How often a purchase is sent again while its event recounts its seats after a restart, and how long it waits. */
const RECOUNT_RETRIES = 10;
const RECOUNT_DELAY_MS = 1_000;
const MAX_RECOUNT_DELAY_MS = 5_000;

/** `event_recovering`: nothing was reserved and the server asks to be asked again shortly. */
export function isRecounting(error: unknown): boolean {
  return isApiError(error) && error.code === 'event_recovering';
}

export function useCreateOrder() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ target, idempotencyKey }: Purchase) =>
      api.post<Order>('/api/orders', target, { 'Idempotency-Key': idempotencyKey }),
    // Sent again with the same Idempotency-Key, so no attempt can hold a second ticket; any other error is final.
    retry: (failures, error) => failures < RECOUNT_RETRIES && isRecounting(error),
    retryDelay: (_, error) =>
      Math.min(isApiError(error) ? (error.retryAfterMs ?? RECOUNT_DELAY_MS) : RECOUNT_DELAY_MS, MAX_RECOUNT_DELAY_MS),
    onSuccess: (order) => {
      client.setQueryData(orderKeys.detail(order.id), order);
      void client.invalidateQueries({ queryKey: orderKeys.mine });
      void client.invalidateQueries({ queryKey: ['tickets'] });
      void client.invalidateQueries({ queryKey: ['events'] });
    },
    // sold_out, ticket_reserved…: what is shown is out of date, so fetch it again.
    onError: () => {
      void client.invalidateQueries({ queryKey: ['tickets'] });
      void client.invalidateQueries({ queryKey: ['events'] });
    },
  });
}

export function useCancelOrder(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete<Order>(`/api/orders/${encodeURIComponent(id)}`),
    onSuccess: (order) => {
      client.setQueryData(orderKeys.detail(id), order);
      void client.invalidateQueries({ queryKey: orderKeys.mine });
      void client.invalidateQueries({ queryKey: ['tickets'] });
      void client.invalidateQueries({ queryKey: ['events'] });
    },
    onError: () => void client.invalidateQueries({ queryKey: orderKeys.detail(id) }),
  });
}

export interface PayInput {
  orderId: string;
  /** A Stripe test token such as `tok_visa`. */
  token: string;
}

export function usePay() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: PayInput) => api.post<Payment>('/api/payments', input),
    onSuccess: (payment) => {
      // The server has completed the order by now; show it at once, then confirm.
      client.setQueryData<Order>(orderKeys.detail(payment.orderId), (order) => (order ? { ...order, status: 'complete' } : order));
      void client.invalidateQueries({ queryKey: orderKeys.all });
      void client.invalidateQueries({ queryKey: ['tickets'] });
    },
    onError: (_error, input) => void client.invalidateQueries({ queryKey: orderKeys.detail(input.orderId) }),
  });
}
