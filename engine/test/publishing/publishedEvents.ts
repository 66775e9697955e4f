/**
 * Subscribes a fresh consumer group to every topic of a bus and waits, with a timeout, for the
 * events a test expects: tests wait on events, never on a clock.
 */
import { randomUUID } from 'node:crypto';
import { topics, type EventBus, type Subscription, type TradingEvent } from '@mib/events';

export class PublishedEvents {
  readonly events: TradingEvent[] = [];
  private readonly waiters = new Set<() => void>();
  private subscription: Subscription | undefined;

  async subscribe(bus: EventBus): Promise<void> {
    this.subscription = await bus.subscribe({
      group: `engine-publishing-${randomUUID()}`,
      topics: [...topics],
      start: 'latest',
      handler: (event) => {
        this.events.push(event);
        for (const wake of this.waiters) wake();
        return Promise.resolve();
      },
    });
  }

  async close(): Promise<void> {
    await this.subscription?.close();
  }

  /** Resolves once `condition` holds on the received events; rejects after `timeoutMs`. */
  until(
    condition: (events: readonly TradingEvent[]) => boolean,
    timeoutMs: number,
    what: string,
  ): Promise<void> {
    if (condition(this.events)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const wake = (): void => {
        if (!condition(this.events)) return;
        cleanup();
        resolve();
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(
          new Error(
            `timed out after ${timeoutMs} ms waiting for ${what}; received ${this.events.map((e) => e.type).join(', ')}`,
          ),
        );
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        this.waiters.delete(wake);
      };
      this.waiters.add(wake);
    });
  }
}
