import { MutationCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './ApiError';
import { currentUserKey } from '../auth/currentUserKey';

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    defaultOptions: {
      queries: {
        // Retry once only when trying again can help; 4xx answers are final.
        retry: (failures, error) => failures < 1 && (!isApiError(error) || error.isTransient),
        staleTime: 5_000,
      },
      mutations: { retry: false },
    },
    mutationCache: new MutationCache({
      // A 401 means the session ended: let the header and guards find out who (if anyone) is signed in.
      onError: (error) => {
        if (isApiError(error) && error.status === 401) void client.invalidateQueries({ queryKey: currentUserKey });
      },
    }),
  });
  return client;
}
