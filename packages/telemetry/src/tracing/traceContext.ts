import { context, propagation, type Context, type TextMapGetter } from '@opentelemetry/api';

/** Request headers as node:http reads them (lower-case names, repeated ones as arrays). */
export type IncomingHeaders = Readonly<Record<string, string | string[] | undefined>>;

const headerGetter: TextMapGetter<IncomingHeaders> = {
  keys: (headers) => Object.keys(headers),
  get: (headers, key) => headers[key.toLowerCase()],
};

/**
 * Adds the W3C `traceparent` (and `tracestate`) of `from` (default: the active context) to
 * outgoing headers. Nothing when tracing is off or no span is active.
 */
export function injectTraceContext(headers: Record<string, string>, from: Context = context.active()): void {
  propagation.inject(from, headers);
}

/** The context a request's `traceparent` continues, on top of `into` (default: the active one). */
export function extractTraceContext(headers: IncomingHeaders, into: Context = context.active()): Context {
  return propagation.extract(into, headers, headerGetter);
}

/**
 * gRPC metadata, as much of `@grpc/grpc-js`'s `Metadata` as propagation needs (this package
 * does not depend on gRPC).
 */
export interface MetadataCarrier {
  get(key: string): (string | Buffer)[];
  set(key: string, value: string): void;
  getMap(): Record<string, unknown>;
}

const metadataGetter: TextMapGetter<MetadataCarrier> = {
  keys: (metadata) => Object.keys(metadata.getMap()),
  get: (metadata, key) => {
    const values = metadata.get(key).map((value) => value.toString());
    return values.length === 0 ? undefined : values;
  },
};

/** Adds `traceparent` (and `tracestate`) of `from` (default: the active context) to call metadata. */
export function injectTraceMetadata(metadata: MetadataCarrier, from: Context = context.active()): void {
  propagation.inject(from, metadata, { set: (carrier, key, value) => carrier.set(key, value) });
}

/** The context a call's `traceparent` metadata continues, on top of `into` (default: the active one). */
export function extractTraceMetadata(metadata: MetadataCarrier, into: Context = context.active()): Context {
  return propagation.extract(into, metadata, metadataGetter);
}
