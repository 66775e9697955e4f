/**
 * Group commit: one fsync serves every append made before it started. While one runs, callers
 * share a single follow-up, so a burst of N commits costs two syncs, not N.
 */
export class GroupCommit {
  private running: Promise<void> | undefined;
  private next: Promise<void> | undefined;

  constructor(private readonly writeAndSync: () => Promise<void>) {}

  /** Resolves once everything appended before this call is durable. */
  commit(): Promise<void> {
    if (this.running === undefined) {
      this.running = this.writeAndSync().finally(() => (this.running = undefined));
      return this.running;
    }
    this.next ??= this.running.then(
      () => this.startNext(),
      () => this.startNext(),
    );
    return this.next;
  }

  private startNext(): Promise<void> {
    this.next = undefined;
    return this.commit();
  }
}
