import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import { pagePath } from '../api/pagePath';
import type { Page, Ticket } from '../api/types';

export const ticketKeys = {
  list: ['tickets', 'list'] as const,
  detail: (id: string) => ['tickets', 'detail', id] as const,
};

export interface TicketInput {
  title: string;
  price: number | null;
}

/** Available tickets that belong to no event, newest first, a page at a time. */
export function useTickets() {
  return useInfiniteQuery({
    queryKey: ticketKeys.list,
    queryFn: ({ pageParam }) => api.get<Page<Ticket>>(pagePath('/api/tickets', pageParam)),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useTicket(id: string) {
  return useQuery({ queryKey: ticketKeys.detail(id), queryFn: () => api.get<Ticket>(`/api/tickets/${encodeURIComponent(id)}`) });
}

export function useSellTicket() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: TicketInput) => api.post<Ticket>('/api/tickets', input),
    onSuccess: (ticket) => {
      client.setQueryData(ticketKeys.detail(ticket.id), ticket);
      void client.invalidateQueries({ queryKey: ticketKeys.list });
    },
  });
}

export function useUpdateTicket(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: TicketInput) => api.put<Ticket>(`/api/tickets/${encodeURIComponent(id)}`, input),
    onSuccess: (ticket) => {
      client.setQueryData(ticketKeys.detail(id), ticket);
      void client.invalidateQueries({ queryKey: ticketKeys.list });
    },
    // A 409 means the ticket changed meanwhile (reserved, sold): show its current state.
    onError: () => void client.invalidateQueries({ queryKey: ticketKeys.detail(id) }),
  });
}
