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

  /** The consumer committed `event` (or found it applied already). */
  applied(event: TradingEvent): void {
    const waiters = this.waiting.get(streamOf(event));
    for (const waiter of waiters ?? []) if (waiter.sequence <= event.sequence) waiter.done();
  }

  /**
   * Resolves once the read model reflects `event` (or has applied its stream up to that sequence);
   * rejects after `timeoutMs`.
   */
  async until(event: StreamPosition, timeoutMs = 10_000): Promise<void> {
    const stream = streamOf(event);
    const waiters = this.waiting.get(stream) ?? new Set<Waiter>();
    this.waiting.set(stream, waiters);
    let recheck: NodeJS.Timeout | undefined;
    let timeout: NodeJS.Timeout | undefined;
    let waiter: Waiter | undefined;
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
        recheck = setInterval(check, this.recheckMs);
        timeout = setTimeout(
          () =>
            reject(
              new Error(`the ${this.name} read model did not apply ${stream}#${event.sequence} in time`),
            ),
          timeoutMs,
        );
      });
    } finally {
      clearInterval(recheck);
      clearTimeout(timeout);
      if (waiter) waiters.delete(waiter);
      if (waiters.size === 0) this.waiting.delete(stream);
    }
  }
}
