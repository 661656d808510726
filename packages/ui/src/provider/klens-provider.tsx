import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { httpBatchLink } from '@trpc/client';
import { type ReactNode, useMemo, useRef, useState } from 'react';
import { trpc } from './trpc.js';

export interface KlensProviderProps {
  /** Base URL of the Klens server, e.g. `https://analytics.example.com`; the API lives at `/trpc` below it. */
  serverUrl: string;
  /**
   * Returns the embed token your backend minted for the signed-in user (see `signEmbedToken`).
   * Called before every request batch, so it may refresh an expired token.
   */
  getToken: () => string | Promise<string>;
  /** Your app's QueryClient, to share one cache. Default: a client owned by the provider. */
  queryClient?: QueryClient;
  /** The fetch to call the server with. Default: the browser's. */
  fetch?: typeof fetch;
  children: ReactNode;
}

/**
 * Connects Klens's hooks and components to a Klens server. Put it once near the top of your app.
 *
 * ### Examples
 * ```tsx
 * <KlensProvider serverUrl="https://analytics.example.com" getToken={() => fetchEmbedToken()}>
 *   <RevenuePanel />
 * </KlensProvider>
 * ```
 */
export function KlensProvider({ serverUrl, getToken, queryClient, fetch, children }: KlensProviderProps) {
  // The latest getToken is read at request time, so a new function each render does not rebuild the client.
  const tokenSource = useRef(getToken);
  tokenSource.current = getToken;
  const [ownQueryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 60_000 } } }));
  const trpcClient = useMemo(
    () =>
      trpc.createClient({
        links: [
          httpBatchLink({
            url: `${serverUrl.replace(/\/+$/, '')}/trpc`,
            headers: async () => ({ authorization: `Bearer ${await tokenSource.current()}` }),
            ...(fetch ? { fetch } : {}),
          }),
        ],
      }),
    [serverUrl, fetch],
  );
  const client = queryClient ?? ownQueryClient;
  return (
    <trpc.Provider client={trpcClient} queryClient={client}>
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    </trpc.Provider>
  );
}
