/**
 * `@mib/db`: the one place services get their database from. Subgraphs import models, enums,
 * `Prisma` (with `Prisma.Decimal`) and the client factory from here, never from the generated
 * folder, so regenerating or relocating the client touches no service code.
 */
export * from './generated/prisma/client.js';
import { Prisma } from './generated/prisma/client.js';

/** Exact decimal for money, prices and quantities (decimal.js, as Prisma returns them). */
export const Decimal = Prisma.Decimal;
export type Decimal = Prisma.Decimal;
export { createPrismaClient, type CreatePrismaClientOptions, type ObservedQuery } from './client.js';
export {
  applyMigrations,
  MigrationHistoryError,
  type ApplyMigrationsOptions,
  type ApplyMigrationsResult,
} from './migrations/applyMigrations.js';
export { migrationsDirectory, schemaPath } from './paths.js';
export { nameBasedId } from './nameBasedId.js';
export {
  startEmbeddedPostgres,
  defaultEmbeddedDataDir,
  defaultEmbeddedPort,
  type EmbeddedPostgresOptions,
  type RunningEmbeddedPostgres,
} from './embedded.js';
export * from './seed/index.js';
