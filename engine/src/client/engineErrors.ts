import { status, type Metadata, type ServiceError } from '@grpc/grpc-js';
import { REJECT_METADATA } from '../grpc/rejectStatus.js';

/** A command the engine refused (a core reject reason), as a value: subgraphs map it to `OrderRejected`. */
export interface EngineRejection {
  /** gRPC status code, e.g. `status.INVALID_ARGUMENT`. */
  readonly status: status;
  /** Core reject reason code (PROTOCOL.md "Reject reasons"), e.g. 106. */
  readonly code: number;
  /** Reject reason name, e.g. `PRICE_OFF_TICK`. */
  readonly reason: string;
  /** Human-readable message with the offending values. */
  readonly message: string;
  /** The order id the command named or was given ('' if none). */
  readonly orderId: string;
}

/** Any other failure: transport, deadline, unknown symbol in a query, overload. */
export class EngineRequestError extends Error {
  readonly status: status;
  constructor(error: ServiceError) {
    super(`${status[error.code] ?? error.code}: ${error.details}`);
    this.name = 'EngineRequestError';
    this.status = error.code;
  }
}

function first(metadata: Metadata | undefined, key: string): string {
  const value = metadata?.get(key)[0];
  return typeof value === 'string' ? value : '';
}

/** The rejection carried by a status's trailers, or undefined when the failure is not a reject. */
export function rejectionOf(error: ServiceError): EngineRejection | undefined {
  const code = first(error.metadata, REJECT_METADATA.CODE);
  if (code === '') return undefined;
  return {
    status: error.code,
    code: Number(code),
    reason: first(error.metadata, REJECT_METADATA.REASON),
    message: error.details,
    orderId: first(error.metadata, REJECT_METADATA.ORDER_ID),
  };
}
