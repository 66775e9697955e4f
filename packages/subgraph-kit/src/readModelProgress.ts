import { streamOf, type TradingEvent } from '@mib/events';

interface Waiter {
  readonly sequence: number;
  readonly done: () => void;
}

/** A place in an event stream: an event, or a sequence the stream must have reached. */
export type StreamPosition = Pick<TradingEvent, 'type' | 'key' | 'shard' | 'sequence'>;

/** A read model's mark: the last sequence of `stream` it has applied (0 for none). */
export type ReadModelMark = (stream: string) => Promise<number>;

/**
 * How far a read model has got, for live subscribers that must show the state after an event
 * rather than race the consumer. The consumer of this process reports each event it has
 * committed (`applied`); an event applied by another replica is seen in the read model's event
 * marks (`markOf`), checked when waiting starts and every `recheckMs` after.
 */
export class ReadModelProgress {
  private readonly waiting = new Map<string, Set<Waiter>>();

  constructor(
    /** Names the read model in the error of a wait that timed out. */
    private readonly name: string,
    private readonly markOf: ReadModelMark,
    private readonly recheckMs = 250,
  ) {}

  /** Waits in progress now (for tests: a wait that ended or was abandoned leaves none). */
  get waits(): number {
    let count = 0;
    for (const waiters of this.waiting.values()) count += waiters.size;
    return count;
  }

  /** The consumer committed `event` (or found it applied already). */
  applied(event: TradingEvent): void {
    const waiters = this.waiting.get(streamOf(event));
    for (const waiter of waiters ?? []) if (waiter.sequence <= event.sequence) waiter.done();
  }

  /** Whether the read model has applied `position` now, by one read of its mark (no waiting). */
  async reached(position: StreamPosition): Promise<boolean> {
    return (await this.markOf(streamOf(position))) >= position.sequence;
  }

  /**
   * Resolves once the read model reflects `event` (or has applied its stream up to that sequence).
   * Rejects after `timeoutMs` (`Infinity`: never), when reading the mark fails, or with the
   * reason of `signal` once it aborts (a subscriber that left abandons its wait). However it
   * ends, nothing of the wait is left: no timer, no listener, no waiter.
   */
  async until(event: StreamPosition, timeoutMs = 10_000, signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    const stream = streamOf(event);
    const waiters = this.waiting.get(stream) ?? new Set<Waiter>();
    this.waiting.set(stream, waiters);
    let recheck: NodeJS.Timeout | undefined;
    let timeout: NodeJS.Timeout | undefined;
    let waiter: Waiter | undefined;
    let abandon: (() => void) | undefined;
    try {
      await new Promise<void>((resolve, reject) => {
        // Listening before reading the mark, so an `applied` between the two is not missed.
        waiter = { sequence: event.sequence, done: resolve };
        waiters.add(waiter);
        const check = () =>
          void this.markOf(stream).then((mark) => {
            if (mark >= event.sequence) resolve();
          }, reject);
        check();
        // A wait may last as long as the read model lags: it must not hold the process open.
        recheck = setInterval(check, this.recheckMs).unref();
        if (Number.isFinite(timeoutMs)) {
          timeout = setTimeout(
            () =>
              reject(
                new Error(`the ${this.name} read model did not apply ${stream}#${event.sequence} in time`),
              ),
            timeoutMs,
          );
        }
        if (signal) {
          abandon = () => {
            const reason: unknown = signal.reason;
            reject(reason instanceof Error ? reason : new Error('wait abandoned', { cause: reason }));
          };
          signal.addEventListener('abort', abandon, { once: true });
        }
      });
    } finally {
      clearInterval(recheck);
      clearTimeout(timeout);
      if (abandon) signal?.removeEventListener('abort', abandon);
      if (waiter) waiters.delete(waiter);
      if (waiters.size === 0 && this.waiting.get(stream) === waiters) this.waiting.delete(stream);
    }
  }
}
