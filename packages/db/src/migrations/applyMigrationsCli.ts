/* eslint-disable no-console -- a command-line entry point: the terminal is its output. */
/**
 * `npm run db:migrate`: applies pending migrations from prisma/migrations to DATABASE_URL,
 * the same as `prisma migrate deploy` (which needs the native engine this machine lacks).
 */
import { applyMigrations } from './applyMigrations.js';

const databaseUrl = process.env['DATABASE_URL'];
if (!databaseUrl) {
  console.error('DATABASE_URL is not set: it names the PostgreSQL database to migrate.');
  process.exit(2);
}

try {
  const { applied } = await applyMigrations(databaseUrl);
  console.log(applied.length === 0 ? 'Database is up to date.' : `Applied ${applied.join(', ')}.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
