import { status, type sendUnaryData, type ServerUnaryCall, type ServerWritableStream, type ServiceDefinition, type UntypedServiceImplementation } from '@grpc/grpc-js';
import { invalid, type ServiceStatusError } from './serviceErrors.js';

/**
 * grpc-js answers a request that fails to decode with a hard-coded INTERNAL "Error deserializing
 * request". A malformed message is the caller's fault, so the engine decodes tolerantly instead:
 * a failed decode yields a marker object, and the handlers answer it with INVALID_ARGUMENT naming
 * the method and the decoder's complaint.
 */
const MALFORMED = Symbol('malformed message');

export interface MalformedMessage {
  readonly [MALFORMED]: string;
}

export function isMalformed(message: unknown): message is MalformedMessage {
  return typeof message === 'object' && message !== null && MALFORMED in message;
}

export function malformedStatus(method: string, message: MalformedMessage): ServiceStatusError {
  return invalid(status.INVALID_ARGUMENT, `malformed ${method} request: ${message[MALFORMED]}`);
}

/** The definition with decoders that return a MalformedMessage instead of throwing. */
export function tolerantDecoding<T extends ServiceDefinition>(definition: T): T {
  const tolerant: Record<string, unknown> = {};
  for (const [name, method] of Object.entries(definition)) {
    tolerant[name] = {
      ...method,
      requestDeserialize: (bytes: Buffer): unknown => {
        try {
          return method.requestDeserialize(bytes);
        } catch (error) {
          return { [MALFORMED]: error instanceof Error ? error.message : String(error) };
        }
      },
    };
  }
  return tolerant as T;
}

/**
 * Wraps the unary and server-streaming handlers so a malformed request is answered before the
 * handler runs. Client-streaming handlers check each message themselves (`isMalformed`).
 */
export function rejectMalformed<T extends UntypedServiceImplementation>(definition: ServiceDefinition, handlers: T): T {
  const guarded: Record<string, unknown> = { ...handlers };
  for (const [name, method] of Object.entries(definition)) {
    const handler = handlers[name];
    if (handler === undefined || method.requestStream) continue;
    if (method.responseStream) {
      const serverStreaming = handler as (call: ServerWritableStream<unknown, unknown>) => void;
      guarded[name] = (call: ServerWritableStream<unknown, unknown>) => {
        if (isMalformed(call.request)) call.emit('error', malformedStatus(name, call.request));
        else serverStreaming(call);
      };
    } else {
      const unary = handler as (call: ServerUnaryCall<unknown, unknown>, callback: sendUnaryData<unknown>) => void;
      guarded[name] = (call: ServerUnaryCall<unknown, unknown>, callback: sendUnaryData<unknown>) => {
        if (isMalformed(call.request)) callback(malformedStatus(name, call.request));
        else unary(call, callback);
      };
    }
  }
  return guarded as T;
}
