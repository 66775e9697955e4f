import { pino, type Logger, type LoggerOptions } from 'pino';

export type { Logger };

/** A structured JSON logger for one service; pass child loggers down, never use console. */
export function createLogger(
  service: string,
  options: { level?: string; destination?: NodeJS.WritableStream } = {},
): Logger {
  const settings: LoggerOptions = {
    name: service,
    level: options.level ?? 'info',
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return options.destination ? pino(settings, options.destination) : pino(settings);
}

/** A logger that drops everything; for tests and benchmarks. */
export const silentLogger = (): Logger => pino({ level: 'silent' });
