/**
 * A consumer group of the in-process bus: its members, which member owns which partition, and
 * the group's committed position per partition. Like Kafka, positions belong to the group, not
 * to a member, so a partition that changes hands continues where the group left it.
 */
import type { Logger } from 'pino';
import type { EventHandler } from '../eventBus.js';
import type { Topic } from '../topics.js';

export interface GroupMember {
  readonly id: number;
  readonly topics: readonly Topic[];
  readonly handler: EventHandler;
  /** Aborted when the member leaves; its in-flight retries stop. */
  readonly stopping: AbortController;
  /** Deliveries to this member not settled yet; leaving waits for them. */
  readonly inFlight: Set<Promise<unknown>>;
  /** Carries the group and member id. */
  readonly logger: Logger;
}

export class ConsumerGroup {
  readonly #members: GroupMember[] = [];
  readonly #positions = new Map<string, number>();

  constructor(readonly name: string) {}

  get members(): readonly GroupMember[] {
    return this.#members;
  }

  join(member: GroupMember): void {
    this.#members.push(member);
  }

  leave(member: GroupMember): void {
    const index = this.#members.indexOf(member);
    if (index >= 0) this.#members.splice(index, 1);
  }

  /**
   * The member that owns a partition: the topic's subscribers in join order, partition p going
   * to subscriber p mod n (Kafka's round-robin assignor gives the same spread).
   */
  ownerOf(topic: Topic, partition: number): GroupMember | undefined {
    const subscribers = this.#members.filter((member) => member.topics.includes(topic));
    return subscribers[partition % subscribers.length];
  }

  /** Next offset to deliver, or undefined before the group first saw this partition. */
  position(topic: Topic, partition: number): number | undefined {
    return this.#positions.get(`${topic}:${partition}`);
  }

  /** Sets where the group continues in a partition; `commit` after a handler resolved. */
  commit(topic: Topic, partition: number, nextOffset: number): void {
    this.#positions.set(`${topic}:${partition}`, nextOffset);
  }
}
