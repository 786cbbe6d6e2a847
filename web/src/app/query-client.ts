import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { AppError } from '../../../common/errors.js';
import { SESSION_KEY } from '../features/auth/use-session.js';

/** A 401 on any call means the session ended (expired, signed out elsewhere): re-read it so guarded pages redirect. */
function onError(error: unknown) {
  if (error instanceof AppError && error.status === 401 && error.code !== 'auth.invalid_credentials') {
    void queryClient.invalidateQueries({ queryKey: SESSION_KEY });
  }
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError }),
  mutationCache: new MutationCache({ onError }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // Client errors will not heal by retrying; only transient failures are retried.
      retry: (count, error) => count < 2 && !(error instanceof AppError && error.status >= 400 && error.status < 500),
    },
  },
});
