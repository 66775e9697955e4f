import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testCallerTokens } from '@mib/auth/testing';
import { createTestDatabase, type TestDatabase } from '@mib/db/testing';
import type { EngineClient } from '@mib/engine';
import { InProcessEventBus, type TradingEvent } from '@mib/events';
import { quote } from '@mib/events/testing';
import { silentLogger } from '@mib/telemetry';
import { consumeIntoReadModel, databaseSubgraph, liveEventsOf, type RunningService } from '../src/index.js';

const logger = silentLogger();
const CONSUMER = 'test-quotes';

/** A subgraph whose one read model records the quotes it applied, as a real one would. */
const applied: TradingEvent[] = [];
const consumerSubgraph = databaseSubgraph({
  name: 'consumer-test',
  schemaFile: new URL('./fixtures/consumerSubgraph.graphql', import.meta.url),
  resolvers: { Query: { ping: () => 'pong' } },
  createContext: () => ({}),
  background: async (prisma, services) => {
    await liveEventsOf(services.events, { name: 'consumer-test', topics: ['quotes'] }).start();
    return [
      await consumeIntoReadModel(services.events, prisma, {
        schema: 'market',
        consumer: CONSUMER,
        topics: ['quotes'],
        apply: async (event) => void applied.push(event),
      }),
    ];
  },
});

let database: TestDatabase;
let bus: InProcessEventBus;
let service: RunningService;
beforeAll(async () => {
  database = await createTestDatabase();
  bus = new InProcessEventBus({ logger, partitions: 1 });
  service = await consumerSubgraph.start(
    database.prisma,
    { port: 0, logger, callerTokens: testCallerTokens },
    { events: bus, engine: {} as EngineClient },
  );
});
afterAll(async () => {
  await service.stop();
  await bus.close();
  await database[Symbol.asyncDispose]();
});

const scrape = async (): Promise<string> =>
  (await fetch(service.url.replace(/\/graphql$/, '/metrics'))).text();

/** The value of the sample `name` of the subgraph's `/metrics` with `labels` (and perhaps others). */
const sample = async (name: string, labels: Record<string, string>): Promise<number | undefined> => {
  for (const line of (await scrape()).split('\n')) {
    const match = /^(\w+)\{(.*)\} (\S+)$/.exec(line);
    if (match?.[1] !== name) continue;
    const present: Record<string, string | undefined> = Object.fromEntries(
      [...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((pair): [string, string] => [
        pair[1] ?? '',
        pair[2] ?? '',
      ]),
    );
    if (Object.entries(labels).every(([key, value]) => present[key] === value)) return Number(match[3]);
  }
  return undefined;
};

describe("a subgraph's event consumer metrics", () => {
  it('counts an event delivered twice as applied once and duplicate once, and shows its age', async () => {
    const event = quote('AAPL', 1);
    const occurredAt = Date.parse(event.occurredAt);
    await bus.publish([event]);
    await bus.publish([event]);
    const handled = (outcome: string) =>
      sample('events_handled_total', { consumer: CONSUMER, topic: 'quotes', outcome });
    await expect.poll(() => handled('duplicate')).toBe(1);
    expect(await handled('applied')).toBe(1);
    expect(await handled('failed')).toBe(undefined);
    expect(applied).toHaveLength(1);
    expect(
      await sample('events_handling_duration_seconds_count', { consumer: CONSUMER, topic: 'quotes' }),
    ).toBe(2);

    const scrapedFrom = Date.now();
    const age = await sample('events_last_applied_event_age_seconds', {
      consumer: CONSUMER,
      topic: 'quotes',
    });
    expect(age).toBeGreaterThanOrEqual((scrapedFrom - occurredAt) / 1000);
    expect(age).toBeLessThanOrEqual((Date.now() - occurredAt) / 1000);

    // The live fan-out has no marks: both deliveries are applied, under its name without the uuid.
    expect(
      await sample('events_handled_total', {
        consumer: 'consumer-test-live',
        topic: 'quotes',
        outcome: 'applied',
      }),
    ).toBe(2);
  });
});
