import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'prisma/config';

// Prisma 7's CLI downloads its native schema engine before every command unless this
// variable names an existing file. This machine has no route to that download, and
// `generate`/`validate`/`format` never run the engine, so a placeholder is enough.
// It must NOT be executable: a stub that exits 0 makes `migrate` silently do nothing.
// Migrations are applied by `@mib/db` (see packages/db/src/migrations/).
const engineStandIn = path.join(import.meta.dirname, '.schema-engine-not-installed');
if (!process.env['PRISMA_SCHEMA_ENGINE_BINARY']) {
  if (!existsSync(engineStandIn)) writeFileSync(engineStandIn, '', { mode: 0o644 });
  process.env['PRISMA_SCHEMA_ENGINE_BINARY'] = engineStandIn;
}

export default defineConfig({
  schema: path.join(import.meta.dirname, 'schema.prisma'),
  migrations: { path: path.join(import.meta.dirname, 'migrations') },
});
