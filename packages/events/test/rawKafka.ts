/**
 * Plain kafkajs clients for tests that look past the bus: records the bus did not write, what
 * lands on a topic, where a group has committed, and topic settings that make the broker refuse
 * writes.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import {
  ConfigResourceTypes,
  Kafka,
  Partitioners,
  logLevel,
  type Admin,
  type KafkaMessage,
  type Message,
} from 'kafkajs';

export interface ConsumedRecord {
  readonly partition: number;
  readonly message: KafkaMessage;
}

export class RawKafka implements AsyncDisposable {
  readonly #kafka: Kafka;
  readonly #admin: Admin;

  private constructor(brokers: readonly string[]) {
    this.#kafka = new Kafka({ brokers: [...brokers], logLevel: logLevel.NOTHING });
    this.#admin = this.#kafka.admin();
  }

  static async connect(brokers: readonly string[]): Promise<RawKafka> {
    const raw = new RawKafka(brokers);
    await raw.#admin.connect();
    return raw;
  }

  async topicNames(): Promise<string[]> {
    return this.#admin.listTopics();
  }

  /** Writes records as given, bypassing the bus's validation. */
  async produce(topic: string, messages: Message[]): Promise<void> {
    const producer = this.#kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    try {
      await producer.send({ topic, acks: -1, messages });
    } finally {
      await producer.disconnect();
    }
  }

  /** Reads `topic` from the beginning until `count` records arrived; rejects after `timeoutMs`. */
  async read(topic: string, count: number, timeoutMs: number): Promise<ConsumedRecord[]> {
    const records: ConsumedRecord[] = [];
    const consumer = this.#kafka.consumer({ groupId: `reader-${randomUUID()}`, maxWaitTimeInMs: 200 });
    try {
      await consumer.connect();
      await consumer.subscribe({ topics: [topic], fromBeginning: true });
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () =>
            reject(new Error(`read ${records.length} of ${count} records of ${topic} in ${timeoutMs} ms`)),
          timeoutMs,
        );
        void consumer.run({
          eachMessage: ({ partition, message }) => {
            records.push({ partition, message });
            if (records.length >= count) {
              clearTimeout(timer);
              resolve();
            }
            return Promise.resolve();
          },
        });
      });
    } finally {
      await consumer.disconnect();
    }
    return records;
  }

  /** The group's committed offset in a partition; -1 when it committed none. */
  async committedOffset(group: string, topic: string, partition: number): Promise<number> {
    const [committed] = await this.#admin.fetchOffsets({ groupId: group, topics: [topic] });
    const offset = committed?.partitions.find((entry) => entry.partition === partition)?.offset;
    return Number(offset ?? -1);
  }

  /** Polls the group's committed offset until it reaches `offset`; rejects after `timeoutMs`. */
  async committedAtLeast(
    group: string,
    topic: string,
    partition: number,
    offset: number,
    timeoutMs: number,
  ): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const committed = await this.committedOffset(group, topic, partition);
      if (committed >= offset) return;
      if (Date.now() > deadline) {
        throw new Error(`group ${group} committed ${committed}, not ${offset}, within ${timeoutMs} ms`);
      }
      await delay(50);
    }
  }

  /**
   * Caps the size of a record batch the topic accepts (`max.message.bytes`), or with `undefined`
   * restores the broker's default. A cap of 1 makes every write fail with MESSAGE_TOO_LARGE.
   */
  async limitRecordSize(topic: string, maxBytes: number | undefined): Promise<void> {
    await this.#admin.alterConfigs({
      validateOnly: false,
      resources: [
        {
          type: ConfigResourceTypes.TOPIC,
          name: topic,
          configEntries: maxBytes === undefined ? [] : [{ name: 'max.message.bytes', value: `${maxBytes}` }],
        },
      ],
    });
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.#admin.disconnect();
  }
}
