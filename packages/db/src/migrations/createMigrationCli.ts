/* eslint-disable no-console -- a command-line entry point: the terminal is its output. */
/**
 * `npm run db:migration:create -- <name>`: writes prisma/migrations/<timestamp>_<name>/ from
 * the difference between the existing migrations and prisma/schema.prisma.
 *
 * DATABASE_URL names a PostgreSQL server where a scratch shadow database may be created
 * (default: the local server at 127.0.0.1:5432); the database itself is not changed.
 */
import { migrationsDirectory, schemaPath } from '../paths.js';
import { createMigration } from './createMigration.js';

const name = process.argv[2];
const databaseUrl = process.env['DATABASE_URL'] ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

if (!name || !/^[a-z][a-z0-9_]*$/.test(name)) {
  console.error('usage: npm run db:migration:create -- <snake_case_name>');
  process.exit(2);
}

try {
  const result = await createMigration({ databaseUrl, schemaPath, migrationsDirectory, name });
  if (result.kind === 'unchanged') {
    console.log('schema.prisma matches the migrations: nothing to create.');
  } else {
    console.log(`created ${result.directory}`);
  }
} catch (error) {
  console.error(error);
  process.exit(1);
}
