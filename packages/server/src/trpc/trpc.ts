import { initTRPC, TRPCError } from '@trpc/server';
import { tokenProblems } from '../auth/embed-token.js';
import type { Context } from './context.js';
import { toTRPCError } from './errors.js';
import { fieldErrorsOf } from './input.js';

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    // Never send stack traces; add the per-field errors of a bad input.
    const { stack: _stack, ...data } = shape.data;
    return { ...shape, data: { ...data, fieldErrors: fieldErrorsOf(error) ?? null } };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Maps core's coded errors to tRPC codes and logs what the caller does not get to see. */
const errorMapping = t.middleware(async ({ ctx, next, path }) => {
  const result = await next();
  // tRPC reports anything that is not a TRPCError as INTERNAL_SERVER_ERROR with the original as cause.
  if (result.ok || result.error.code !== 'INTERNAL_SERVER_ERROR') return result;
  const mapped = toTRPCError(result.error.cause ?? result.error);
  if (mapped.code === 'INTERNAL_SERVER_ERROR') {
    ctx.logger.error('procedure failed', { path, error: describe(result.error.cause ?? result.error) });
  }
  throw mapped;
});

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

export const publicProcedure = t.procedure.use(errorMapping);

/**
 * A procedure that needs a valid embed token. `ctx.accountId` is the only account it may read:
 * every query below this point is scoped to it.
 */
export const accountProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.auth.ok) throw new TRPCError({ code: 'UNAUTHORIZED', message: tokenProblems[ctx.auth.reason] });
  return next({ ctx: { ...ctx, accountId: ctx.auth.accountId } });
});
