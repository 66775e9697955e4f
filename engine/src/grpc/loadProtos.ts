import { loadPackageDefinition } from '@grpc/grpc-js';
import { loadSync, type Options } from '@grpc/proto-loader';
import { fileURLToPath } from 'node:url';
import type { ProtoGrpcType as EngineProto } from './generated/engine.js';
import type { ProtoGrpcType as HealthProto } from './generated/health.js';

const protoDir = fileURLToPath(new URL('../../proto/', import.meta.url));

/**
 * Loader options shared by server and client; the generated types (`sh proto/generate.sh`)
 * were produced with the same ones: 64-bit integers as decimal strings (ids and sequences stay
 * exact), enums as names, defaults filled in, oneof names set.
 */
export const PROTO_LOADER_OPTIONS: Options = {
  longs: String,
  enums: String,
  defaults: true,
  oneofs: true,
  includeDirs: [protoDir],
};

let engineProto: EngineProto | undefined;
let healthProto: HealthProto | undefined;

/** The engine's gRPC package (loaded once per process). */
export function loadEngineProto(): EngineProto {
  engineProto ??= loadPackageDefinition(loadSync('engine.proto', PROTO_LOADER_OPTIONS)) as unknown as EngineProto;
  return engineProto;
}

/** The standard grpc.health.v1 package. */
export function loadHealthProto(): HealthProto {
  healthProto ??= loadPackageDefinition(loadSync('grpc/health/v1/health.proto', PROTO_LOADER_OPTIONS)) as unknown as HealthProto;
  return healthProto;
}
