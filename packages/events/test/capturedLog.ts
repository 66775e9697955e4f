/**
 * A pino logger whose lines tests can read and wait for, so a test can wait on what the code
 * under test reports (a failed attempt) instead of on a clock.
 */
import { Writable } from 'node:stream';
import { pino, type Logger } from 'pino';

export interface LogLine {
  readonly level: number;
  readonly msg: string;
  readonly [field: string]: unknown;
}

export class CapturedLog {
  readonly lines: LogLine[] = [];
  readonly logger: Logger;
  #waiters = new Set<() => void>();

  constructor(level: pino.LevelWithSilent = 'info') {
    const destination = new Writable({
      write: (chunk: Buffer, _encoding, done) => {
        this.lines.push(JSON.parse(chunk.toString()) as LogLine);
        for (const wake of this.#waiters) wake();
        done();
      },
    });
    this.logger = pino({ level }, destination);
  }

  /** Lines whose message contains `text`. */
  matching(text: string): LogLine[] {
    return this.lines.filter((line) => line.msg.includes(text));
  }

  /** Resolves once `count` lines contain `text`; rejects after `timeoutMs`. */
  atLeast(count: number, text: string, timeoutMs: number): Promise<void> {
    if (this.matching(text).length >= count) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const wake = (): void => {
        if (this.matching(text).length < count) return;
        cleanup();
        resolve();
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${count} log lines "${text}"`));
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        this.#waiters.delete(wake);
      };
      this.#waiters.add(wake);
    });
  }
}
