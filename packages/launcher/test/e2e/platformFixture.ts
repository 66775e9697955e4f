import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '@mib/db/testing';
import { silentLogger } from '@mib/telemetry';
import { loadLauncherConfig } from '../../src/config.js';
import { startPlatform, type RunningPlatform } from '../../src/startPlatform.js';

/**
 * The whole platform as `npm start` runs it (engine, event bus, five subgraphs, gateway) over a
 * fresh seeded database, every service on a free port. With `KAFKA_BROKERS` set the event bus
 * is the real Kafka; otherwise the in-process bus.
 */
export interface PlatformFixture extends AsyncDisposable {
  readonly gatewayUrl: string;
  readonly engineMetricsUrl: string;
  readonly subgraphUrls: Readonly<Record<string, string>>;
  readonly db: TestDatabase;
}

export async function startPlatformFixture(
  environment: Record<string, string | undefined> = {},
): Promise<PlatformFixture> {
  const db = await createTestDatabase();
  // A journal of its own too: replaying another run's orders would not match this database.
  const journalDir = await mkdtemp(path.join(tmpdir(), 'mib-journal-'));
  let platform: RunningPlatform;
  try {
    const config = loadLauncherConfig({
      DATABASE_URL: db.url,
      PORT: '0',
      ENGINE_PORT: '0',
      KAFKA_BROKERS: process.env['KAFKA_BROKERS'],
      // Topics of their own: a shared broker keeps earlier runs' events, which are not this database's.
      KAFKA_TOPIC_PREFIX: `test-${randomUUID()}.`,
      ENGINE_JOURNAL_DIR: journalDir,
      // Redis (when CI provides it) for sessions, throttles and rate limits, keys of this run only.
      REDIS_URL: process.env['REDIS_URL'],
      REDIS_NAMESPACE: `test-${randomUUID()}:`,
      // Signing keys and TOTP secrets sealed, as in production.
      USERS_DATA_KEYS: randomBytes(32).toString('base64url'),
      // No simulated flow: assertions on books, quotes and trades stay deterministic.
      MARKET_SIMULATOR: 'off',
      ...environment,
    });
    platform = await startPlatform(config, silentLogger());
  } catch (error) {
    await db[Symbol.asyncDispose]();
    throw error;
  }
  return {
    gatewayUrl: platform.gatewayUrl,
    engineMetricsUrl: platform.engineMetricsUrl,
    subgraphUrls: platform.subgraphUrls,
    db,
    async [Symbol.asyncDispose]() {
      await platform.stop();
      await db[Symbol.asyncDispose]();
      await rm(journalDir, { recursive: true, force: true });
    },
  };
}
