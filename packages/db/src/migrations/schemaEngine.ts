import { readFile } from 'node:fs/promises';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';
import * as bindings from '@prisma/schema-engine-wasm/schema_engine_bg';
import { createEngineAdapter } from './engineAdapter.js';

export type { SchemaEngine };

/** No externally managed tables or enums: the engine owns the whole schema. */
export const noFilter = { externalTables: [], externalEnums: [] };

/** The slice of the WebAssembly global used here (Node has it; `@types/node` 20 omits it). */
interface WasmRuntime {
  instantiate(
    bytes: Uint8Array,
    imports: Record<string, object>,
  ): Promise<{ instance: { exports: Record<string, unknown> } }>;
}
const { WebAssembly: wasmRuntime } = globalThis as unknown as { WebAssembly: WasmRuntime };

let initialised: Promise<void> | undefined;

/**
 * Instantiates the wasm module once per process. The package's own entry imports the `.wasm`
 * file as an ES module, which Node 20 only allows behind `--experimental-wasm-modules`, so the
 * bytes are loaded and linked to their JS glue here instead.
 */
function initialiseWasm(): Promise<void> {
  initialised ??= (async () => {
    const wasmUrl = new URL('schema_engine_bg.wasm', import.meta.resolve('@prisma/schema-engine-wasm'));
    const { instance } = await wasmRuntime.instantiate(await readFile(wasmUrl), {
      './schema_engine_bg.js': bindings,
    });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports['__wbindgen_start'] as () => void)();
  })();
  return initialised;
}

export interface SchemaEngineSession {
  readonly engine: SchemaEngine;
  /** Engine log lines (JSON strings), kept so that a failure can be explained. */
  readonly logs: readonly string[];
}

/**
 * Runs `work` with a Prisma schema engine (the wasm build, driven through a node-postgres
 * adapter) connected to `databaseUrl`, then frees it. The engine needs a database even for
 * diffs between two files: it replays migrations in a shadow database it creates and drops.
 */
export async function withSchemaEngine<T>(
  databaseUrl: string,
  datamodels: readonly (readonly [path: string, content: string])[],
  work: (session: SchemaEngineSession) => Promise<T>,
): Promise<T> {
  await initialiseWasm();
  const logs: string[] = [];
  const adapter = createEngineAdapter(databaseUrl);
  try {
    const engine = await bindings.SchemaEngine.new(
      { datamodels: datamodels.map(([path, content]) => [path, content]) },
      (line: string) => logs.push(line),
      adapter.factory,
    );
    try {
      return await work({ engine, logs });
    } finally {
      engine.free();
    }
  } finally {
    await adapter.disposeAll();
  }
}
