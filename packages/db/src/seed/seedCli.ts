/* eslint-disable no-console -- a command-line entry point: the terminal is its output. */
/**
 * `npm run db:seed`: applies pending migrations to DATABASE_URL, then seeds the demo data.
 * Safe to rerun: it only adds what is missing.
 */
import { createPrismaClient } from '../client.js';
import { applyMigrations } from '../migrations/applyMigrations.js';
import { DEMO_TRADER_EMAIL } from './demoIds.js';
import { seedDemoData } from './seedDemoData.js';

const databaseUrl = process.env['DATABASE_URL'];
if (!databaseUrl) {
  console.error('DATABASE_URL is not set: it names the PostgreSQL database to seed.');
  process.exit(2);
}

await applyMigrations(databaseUrl);
const prisma = createPrismaClient(databaseUrl);
try {
  await seedDemoData(prisma);
  console.log(`Demo data is in place (demo trader: ${DEMO_TRADER_EMAIL}).`);
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await prisma.$disconnect();
}
