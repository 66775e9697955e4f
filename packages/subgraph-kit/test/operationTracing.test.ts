import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerHeaders, testCallerTokens } from '@mib/auth/testing';
import { silentLogger } from '@mib/telemetry';
import { recordSpans, type RecordedSpans } from '@mib/telemetry/testing';
import { startSubgraph, type RunningService } from '../src/index.js';

/** A subgraph's operation span: continues the caller's trace and is active in its resolvers. */
const typeDefs = parse(/* GraphQL */ `
  type Query {
    echo(text: String!): String!
    broken: String
  }
`);

const GATEWAY_TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const GATEWAY_SPAN = '00f067aa0ba902b7';
const traceparent = `00-${GATEWAY_TRACE}-${GATEWAY_SPAN}-01`;

let spans: RecordedSpans;
let service: RunningService;
beforeAll(async () => {
  spans = recordSpans('subgraph-test');
  service = await startSubgraph(
    {
      name: 'echo',
      typeDefs,
      resolvers: {
        Query: {
          // What an engine call or a database query made from a resolver would start.
          echo: (_: unknown, { text }: { text: string }) => {
            trace.getTracer('test').startSpan('inside resolver').end();
            return text;
          },
          broken: () => {
            throw new Error('boom');
          },
        },
      },
      createContext: () => ({}),
    },
    { port: 0, logger: silentLogger(), callerTokens: testCallerTokens },
  );
});
afterAll(async () => {
  await service?.stop();
  await spans?.[Symbol.asyncDispose]();
});

/** The server span of the request just answered (it ends as the response closes). */
async function lastServerSpan() {
  for (let attempt = 0; attempt < 100; attempt++) {
    const span = spans.finished().findLast((candidate) => candidate.kind === SpanKind.SERVER);
    if (span) return span;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('no server span ended');
}

describe('subgraph operation spans', () => {
  it("runs a POSTed operation in a server span, child of the caller's traceparent", async () => {
    const response = await fetch(service.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', traceparent, ...callerHeaders(null) },
      body: JSON.stringify({ query: 'query Echo { echo(text: "hi") }', operationName: 'Echo' }),
    });
    expect(await response.json()).toEqual({ data: { echo: 'hi' } });
    const server = await lastServerSpan();
    expect(server.name).toBe('query Echo');
    expect(server.instrumentationScope.name).toBe('echo');
    expect(server.spanContext().traceId).toBe(GATEWAY_TRACE);
    expect(server.parentSpanContext?.spanId).toBe(GATEWAY_SPAN);
    expect(server.attributes).toMatchObject({
      'graphql.operation.type': 'query',
      'graphql.operation.name': 'Echo',
      'http.response.status_code': 200,
    });
    const inside = spans.finished().find((span) => span.name === 'inside resolver');
    expect(inside?.parentSpanContext?.spanId).toBe(server.spanContext().spanId);
  });

  it('traces what Express serves on /graphql too (a GET)', async () => {
    const query = encodeURIComponent('{ echo(text: "get") }');
    const response = await fetch(`${service.url}?query=${query}`, {
      headers: { traceparent, 'apollo-require-preflight': 'true', ...callerHeaders(null) },
    });
    expect(response.status).toBe(200);
    const server = await lastServerSpan();
    expect(server.name).toBe('query');
    expect(server.spanContext().traceId).toBe(GATEWAY_TRACE);
  });

  it('marks an operation that answers with errors as failed', async () => {
    await fetch(service.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...callerHeaders(null) },
      body: JSON.stringify({ query: 'query Broken { broken }' }),
    });
    const server = await lastServerSpan();
    expect(server.name).toBe('query Broken');
    expect(server.status.code).toBe(SpanStatusCode.ERROR);
    // No traceparent: a trace of its own.
    expect(server.parentSpanContext).toBeUndefined();
  });

  it('leaves /health and /metrics untraced', async () => {
    const before = spans.finished().length;
    await fetch(service.url.replace('/graphql', '/health'));
    expect(spans.finished().length).toBe(before);
  });
});
