import type { AppRouter } from '@klens/server';
import { createTRPCReact } from '@trpc/react-query';

/**
 * The typed tRPC hooks for Klens's API. Only the router's *type* comes from the server package,
 * so no server code reaches a browser bundle.
 */
export const trpc = createTRPCReact<AppRouter>();
