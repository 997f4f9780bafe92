import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import { pagePath } from '../api/pagePath';
import type { Page, TicketEvent } from '../api/types';

export const eventKeys = {
  list: ['events', 'list'] as const,
  detail: (id: string) => ['events', 'detail', id] as const,
};

export interface EventInput {
  title: string;
  price: number | null;
  capacity: number | null;
  /** ISO UTC; absent means on sale now. */
  onSaleAt?: string;
  /** Absent means no limit. */
  maxPerUser?: number;
}

export function useEvents() {
  return useInfiniteQuery({
    queryKey: eventKeys.list,
    queryFn: ({ pageParam }) => api.get<Page<TicketEvent>>(pagePath('/api/events', pageParam)),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useEvent(id: string, options: { refetchInterval: number | false }) {
  return useQuery({
    queryKey: eventKeys.detail(id),
    queryFn: () => api.get<TicketEvent>(`/api/events/${encodeURIComponent(id)}`),
    refetchInterval: options.refetchInterval,
  });
}

export function useCreateEvent() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: EventInput) => api.post<TicketEvent>('/api/events', input),
    onSuccess: (event) => {
      client.setQueryData(eventKeys.detail(event.id), event);
      void client.invalidateQueries({ queryKey: eventKeys.list });
    },
  });
}
