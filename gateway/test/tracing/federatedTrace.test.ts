import { SpanKind } from '@opentelemetry/api';
import { recordSpans, type ReadableSpan, type RecordedSpans } from '@mib/telemetry/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { post, startToyGateway, type ToyGateway } from '../protection/protectedGateway.js';

/** One dashboard query through the gateway is one trace, down into the subgraph. */
let spans: RecordedSpans;
let fixture: ToyGateway;
beforeAll(async () => {
  // Before anything starts: the gateway and the subgraph decide at start-up whether to trace.
  spans = recordSpans('gateway-test');
  fixture = await startToyGateway();
});
afterAll(async () => {
  await fixture?.[Symbol.asyncDispose]();
  await spans?.[Symbol.asyncDispose]();
});

/** The spans of the trace whose gateway server span is named `name`, once it has ended. */
async function traceOf(name: string): Promise<{ root: ReadableSpan; all: ReadableSpan[] }> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const root = spans.finished().find((span) => span.name === name && span.kind === SpanKind.SERVER);
    if (root) {
      const traceId = root.spanContext().traceId;
      return { root, all: spans.finished().filter((span) => span.spanContext().traceId === traceId) };
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`no ${name} server span ended`);
}

const byId = (all: ReadableSpan[]) => new Map(all.map((span) => [span.spanContext().spanId, span]));

describe('federated tracing', () => {
  it("puts the gateway's spans and the subgraph's operation span in one trace", async () => {
    const response = await post(
      fixture.url,
      { query: 'query Ping { ping }', operationName: 'Ping' },
      { authorization: 'Bearer user:u1' },
    );
    expect(response.body).toEqual({ data: { ping: 'pong' } });
    const { root, all } = await traceOf('query Ping');
    expect(root.instrumentationScope.name).toBe('gateway');
    expect(root.parentSpanContext).toBeUndefined();

    // Apollo Gateway's own spans, inside the server span.
    const names = all.map((span) => span.name);
    expect(names).toEqual(expect.arrayContaining(['gateway.request', 'gateway.execute', 'gateway.fetch']));

    const subgraph = all.find(
      (span) => span.kind === SpanKind.SERVER && span.instrumentationScope.name === 'toy',
    );
    // The query planner names each subgraph fetch after the client's operation.
    expect(subgraph?.name).toBe('query Ping__toy__0');
    const parents = byId(all);
    const client = parents.get(subgraph?.parentSpanContext?.spanId ?? '');
    expect(client).toMatchObject({ kind: SpanKind.CLIENT, instrumentationScope: { name: 'gateway' } });
    expect(client?.attributes['http.response.status_code']).toBe(200);
    expect(parents.get(client?.parentSpanContext?.spanId ?? '')?.name).toBe('gateway.fetch');
  });

  it("starts its own trace for a client's traceparent, linking to it", async () => {
    const clientTrace = '0af7651916cd43dd8448eb211c80319c';
    await post(
      fixture.url,
      { query: 'query Linked { ping }', operationName: 'Linked' },
      { authorization: 'Bearer user:u1', traceparent: `00-${clientTrace}-b7ad6b7169203331-01` },
    );
    const { root, all } = await traceOf('query Linked');
    expect(root.spanContext().traceId).not.toBe(clientTrace);
    expect(root.links.map((link) => link.context.traceId)).toEqual([clientTrace]);
    expect(all.some((span) => span.instrumentationScope.name === 'toy')).toBe(true);
  });

  it('traces a request refused before execution too', async () => {
    const response = await post(
      fixture.url,
      { query: 'query Refused { ping }' },
      { authorization: 'Bearer nonsense' },
    );
    expect(response.status).toBe(401);
    const refused = spans
      .finished()
      .filter(
        (span) => span.kind === SpanKind.SERVER && span.attributes['http.response.status_code'] === 401,
      );
    expect(refused).toHaveLength(1);
  });
});
