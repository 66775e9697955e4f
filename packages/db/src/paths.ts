import path from 'node:path';

/**
 * Where the repository keeps its Prisma files. Resolved from this module's location so that
 * every entry point (CLI, tests, the launcher) finds them whatever the working directory is.
 */
export const repositoryRoot = path.resolve(import.meta.dirname, '../../..');
export const prismaDirectory = path.join(repositoryRoot, 'prisma');
export const schemaPath = path.join(prismaDirectory, 'schema.prisma');
export const migrationsDirectory = path.join(prismaDirectory, 'migrations');
