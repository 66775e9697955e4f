import type { PrismaClient } from '@mib/db';
import { streamOf, type TradingEvent } from '@mib/events';

interface Waiter {
  readonly sequence: number;
  readonly done: () => void;
}

/**
 * How far the portfolio read model has got, for live subscribers that must show the state after
 * an event rather than race the consumer. The consumer of this process reports each event it has
 * committed; an event applied by another replica is seen in `portfolio.event_marks`, checked
 * when waiting starts and every `recheckMs` after.
 */
export class ReadModelProgress {
  private readonly waiting = new Map<string, Set<Waiter>>();

  constructor(
    private readonly prisma: PrismaClient,
    private readonly consumer: string,
    private readonly recheckMs = 250,
  ) {}

  /** The consumer committed `event` (or found it applied already). */
  applied(event: TradingEvent): void {
    const waiters = this.waiting.get(streamOf(event));
    for (const waiter of waiters ?? []) if (waiter.sequence <= event.sequence) waiter.done();
  }

  /** Resolves once the read model reflects `event`; rejects after `timeoutMs`. */
  async until(event: TradingEvent, timeoutMs = 10_000): Promise<void> {
    const stream = streamOf(event);
    const waiters = this.waiting.get(stream) ?? new Set<Waiter>();
    this.waiting.set(stream, waiters);
    let recheck: NodeJS.Timeout | undefined;
    let timeout: NodeJS.Timeout | undefined;
    try {
      await new Promise<void>((resolve, reject) => {
        waiters.add({ sequence: event.sequence, done: resolve });
        const check = () =>
          void this.markOf(stream).then((mark) => {
            if (mark >= event.sequence) resolve();
          }, reject);
        check();
        recheck = setInterval(check, this.recheckMs);
        timeout = setTimeout(
          () =>
            reject(new Error(`the portfolio read model did not apply ${stream}#${event.sequence} in time`)),
          timeoutMs,
        );
      });
    } finally {
      clearInterval(recheck);
      clearTimeout(timeout);
      for (const waiter of waiters) if (waiter.sequence === event.sequence) waiters.delete(waiter);
      if (waiters.size === 0) this.waiting.delete(stream);
    }
  }

  private async markOf(stream: string): Promise<number> {
    const mark = await this.prisma.portfolioEventMark.findUnique({
      where: { consumer_stream: { consumer: this.consumer, stream } },
      select: { sequence: true },
    });
    return mark ? Number(mark.sequence) : 0;
  }
}
