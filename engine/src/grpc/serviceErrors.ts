import { Metadata, status, type ServerErrorResponse, type StatusObject } from '@grpc/grpc-js';
import { EngineBusyError, EngineStoppedError, ShardFailedError } from '../shard/shardedEngine.js';
import { REJECT_METADATA, rejectMapping } from './rejectStatus.js';

export type ServiceError = Partial<StatusObject> & Pick<ServerErrorResponse, 'code' | 'details'>;

/** A gRPC status as an Error, so it can be thrown and handed to grpc-js as is. */
export class ServiceStatusError extends Error implements ServiceError {
  readonly code: status;
  readonly details: string;
  constructor(code: status, details: string) {
    super(details);
    this.name = 'ServiceStatusError';
    this.code = code;
    this.details = details;
  }
}

/** A status for wrong use that never reached a shard (unknown symbol in a query, bad shard number…). */
export function invalid(code: status, details: string): ServiceStatusError {
  return new ServiceStatusError(code, details);
}

/**
 * The status for a command the core rejected: the mapped code, a message naming the reason and
 * what was wrong, and trailers with the numeric code, the reason name and the order id.
 */
export function rejected(reason: number, context: string, orderId?: number): ServiceError {
  const mapping = rejectMapping(reason);
  const metadata = new Metadata();
  metadata.set(REJECT_METADATA.CODE, String(reason));
  metadata.set(REJECT_METADATA.REASON, mapping.name);
  if (orderId !== undefined) metadata.set(REJECT_METADATA.ORDER_ID, String(orderId));
  return { code: mapping.code, details: `${mapping.name}: ${mapping.description}${context === '' ? '' : ` (${context})`}`, metadata };
}

/** Maps an unexpected failure of the shell to a status. */
export function failure(error: unknown): ServiceError {
  if (error instanceof EngineBusyError) return { code: status.RESOURCE_EXHAUSTED, details: error.message };
  if (error instanceof EngineStoppedError || error instanceof ShardFailedError) return { code: status.UNAVAILABLE, details: error.message };
  return { code: status.INTERNAL, details: error instanceof Error ? error.message : String(error) };
}
