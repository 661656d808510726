export { appRouter, type AppRouter, type RouterInputs, type RouterOutputs } from './routers/_app.js';
export { createApp, type AppOptions } from './http/app.js';
export { listen, type RunningServer } from './http/listen.js';
export { createContext, type Context, type ServerDependencies } from './trpc/context.js';
export { createCallerFactory } from './trpc/trpc.js';
export { signEmbedToken, verifyEmbedToken, ACCOUNT_CLAIM, MIN_SECRET_LENGTH, type TokenCheck } from './auth/embed-token.js';
export type { FieldError } from './trpc/input.js';
