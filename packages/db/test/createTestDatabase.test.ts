import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createTestDatabase, testServerUrl } from '../src/testing.js';

async function databaseExists(name: string): Promise<boolean> {
  const client = new pg.Client({
    connectionString: testServerUrl(),
  });
  await client.connect();
  try {
    return (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
  } finally {
    await client.end();
  }
}

describe('createTestDatabase', () => {
  it('gives each caller its own migrated database and drops it on dispose', async () => {
    let names: string[];
    {
      await using first = await createTestDatabase();
      await using second = await createTestDatabase();
      names = [first.url, second.url].map((url) => new URL(url).pathname.slice(1));
      expect(names[0]).not.toBe(names[1]);

      await first.prisma.user.create({ data: { email: 'only-here@example.com', displayName: 'x' } });
      expect(await first.prisma.user.count()).toBe(1);
      expect(await second.prisma.user.count()).toBe(0);
    }
    for (const name of names) expect(await databaseExists(name)).toBe(false);
  });

  it('drops the database even while another client is still connected', async () => {
    const db = await createTestDatabase();
    const straggler = new pg.Client({ connectionString: db.url });
    const terminated = new Promise((resolve) => straggler.on('error', resolve));
    await straggler.connect();
    await db[Symbol.asyncDispose]();
    expect(await terminated).toMatchObject({ code: '57P01' });
    expect(await databaseExists(new URL(db.url).pathname.slice(1))).toBe(false);
  });
});
