/** Severity of a log record, lowest first. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Structured fields attached to a log record. Never put secrets (API keys, tokens) in them. */
export type LogFields = Record<string, unknown>;

/**
 * The logger core writes to. Core never reaches for `console`: callers inject one of these, so a
 * host app can route Klens's records into its own logging.
 */
export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

const levelRank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** A logger that drops every record: the default wherever a logger is optional. */
export const silentLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
};

/**
 * A logger that writes one JSON object per line through `write` (for example to stderr).
 *
 * ### Examples
 * ```ts
 * const logger = createJsonLogger({ level: 'info', write: (line) => process.stderr.write(line + '\n') });
 * logger.info('sync finished', { eventsAdded: 120 });
 * ```
 */
export function createJsonLogger(options: {
  /** Lowest level written. Default `'info'`. */
  level?: LogLevel;
  write: (line: string) => void;
  /** Clock for the `time` field. Default: the system clock. */
  clock?: () => Date;
}): Logger {
  const minimum = levelRank[options.level ?? 'info'];
  const clock = options.clock ?? (() => new Date());
  const log = (level: LogLevel) => (message: string, fields?: LogFields) => {
    if (levelRank[level] < minimum) return;
    options.write(JSON.stringify({ time: clock().toISOString(), level, message, ...fields }));
  };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}
