import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  context,
  isSpanContextValid,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Link,
  type Span,
  type Tracer,
} from '@opentelemetry/api';
import {
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_URL_PATH,
} from '@opentelemetry/semantic-conventions';
import { extractTraceContext } from './traceContext.js';

export interface ServerSpanOptions {
  /**
   * Whether the caller's `traceparent` is the parent (a subgraph behind the gateway), or only a
   * link from a new trace (the gateway facing the internet: a client must not choose the trace,
   * nor force sampling of every request with its flags; the spec's advice for untrusted callers).
   */
  readonly trustCallerContext: boolean;
}

/** The spans `serveInServerSpan` started: the only ones `operationSpanPlugin` renames. */
const requestSpans = new WeakSet<Span>();

/** The server span of the request being served in the active context, if tracing is on. */
export function activeRequestSpan(): Span | undefined {
  const span = trace.getActiveSpan();
  return span !== undefined && requestSpans.has(span) ? span : undefined;
}

/**
 * Serves one HTTP request inside a SERVER span (`POST /graphql` until the GraphQL operation
 * names it) that is active for everything `serve` does, including the request's and response's
 * event listeners (a body parser resumes in a `data` listener, outside any promise chain). The
 * span ends when the response closes, with its status code.
 */
export function serveInServerSpan(
  tracer: Tracer,
  request: IncomingMessage,
  response: ServerResponse,
  options: ServerSpanOptions,
  serve: () => void,
): void {
  const method = request.method ?? 'GET';
  const url = request.url ?? '/';
  const path = url.includes('?') ? url.slice(0, url.indexOf('?')) : url;
  const incoming = extractTraceContext(request.headers, ROOT_CONTEXT);
  const callerSpan = trace.getSpanContext(incoming);
  const links: Link[] =
    !options.trustCallerContext && callerSpan !== undefined && isSpanContextValid(callerSpan)
      ? [{ context: callerSpan }]
      : [];
  const parent = options.trustCallerContext ? incoming : ROOT_CONTEXT;
  const span = tracer.startSpan(
    `${method} ${path}`,
    {
      kind: SpanKind.SERVER,
      attributes: { [ATTR_HTTP_REQUEST_METHOD]: method, [ATTR_URL_PATH]: path },
      links,
    },
    parent,
  );
  requestSpans.add(span);
  const active = trace.setSpan(parent, span);
  context.bind(active, request);
  context.bind(active, response);
  response.once('close', () => {
    span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, response.statusCode);
    if (response.statusCode >= 500 || !response.writableFinished)
      span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  });
  context.with(active, serve);
}
