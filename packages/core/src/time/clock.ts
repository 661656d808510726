/** The source of "now". Injected everywhere so tests can fix time. */
export type Clock = () => Date;

/** The machine's clock. */
export const systemClock: Clock = () => new Date();
