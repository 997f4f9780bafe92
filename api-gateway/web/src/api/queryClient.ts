import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { currentUserKey } from '../auth/currentUserKey';
import { isApiError } from './ApiError';

export function createQueryClient(): QueryClient {
  // A 401 means the session ended: ask again who (if anyone) is signed in, so the header
  // updates and guarded pages send the visitor to sign in.
  const onError = (error: Error) => {
    if (isApiError(error) && error.status === 401) void client.invalidateQueries({ queryKey: currentUserKey });
  };

  const client: QueryClient = new QueryClient({
    defaultOptions: {
      queries: {
        // Retry once only when trying again can help; 4xx answers are final.
        retry: (failures, error) => failures < 1 && (!isApiError(error) || error.isTransient),
        staleTime: 5_000,
      },
      mutations: { retry: false },
    },
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
  });
  return client;
}
