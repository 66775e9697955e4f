import { setTimeout as delay } from 'node:timers/promises';
import type { Logger } from '@mib/telemetry';

/** How long one part may take to stop before the parts after it are stopped anyway. */
export const STOP_DEADLINE_MS = 10_000;

/**
 * The platform's parts, stopped in the reverse of the order they started. A part that fails or
 * does not stop within the deadline (a server waiting on a connection that will never close) is
 * logged and left behind, so the parts after it, the database last, still stop and the process
 * can exit.
 */
export class ShutdownSequence {
  readonly #parts: { readonly name: string; readonly stop: () => Promise<void> }[] = [];

  constructor(
    private readonly logger: Logger,
    private readonly deadlineMs = STOP_DEADLINE_MS,
  ) {}

  /** `stop` runs at shutdown, before everything added earlier. */
  add(name: string, stop: () => Promise<void> | void): void {
    this.#parts.push({ name, stop: async () => stop() });
  }

  /** Stops every part added so far, each once. */
  async run(): Promise<void> {
    for (const part of this.#parts.splice(0).reverse()) await this.#stop(part);
  }

  async #stop(part: { readonly name: string; readonly stop: () => Promise<void> }): Promise<void> {
    const deadline = new AbortController();
    const late = delay(this.deadlineMs, 'late' as const, { signal: deadline.signal }).catch(
      () => 'stopped' as const,
    );
    const stopped = part.stop().then(
      () => 'stopped' as const,
      (error: unknown) => {
        this.logger.error({ err: error, part: part.name }, 'a part of the platform failed to stop');
        return 'stopped' as const;
      },
    );
    const outcome = await Promise.race([stopped, late]);
    deadline.abort();
    if (outcome === 'late')
      this.logger.warn(
        { part: part.name, deadlineMs: this.deadlineMs },
        'a part of the platform did not stop in time: stopping the rest',
      );
  }
}
