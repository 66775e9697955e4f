import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'graphql';
import { callerHeaders, testCallerTokens } from '@mib/auth/testing';
import { silentLogger } from '@mib/telemetry';
import { startSubgraph, type RunningService } from '../src/index.js';

/** `/graphql` over HTTP: what reaches Apollo Server directly and what Express still serves. */
const typeDefs = parse(/* GraphQL */ `
  type Query {
    echo(text: String!): String!
  }
`);

let service: RunningService;
let resolved = 0;

beforeAll(async () => {
  service = await startSubgraph(
    {
      name: 'echo',
      typeDefs,
      resolvers: {
        Query: {
          echo: (_: unknown, { text }: { text: string }) => {
            resolved += 1;
            return text;
          },
        },
      },
      createContext: () => ({}),
    },
    { port: 0, logger: silentLogger(), callerTokens: testCallerTokens },
  );
});

afterAll(() => service.stop());

const post = (body: string | Buffer, headers: Record<string, string> = {}) =>
  fetch(service.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...callerHeaders(null), ...headers },
    body,
  });

const echo = (text: string) =>
  JSON.stringify({ query: 'query($t: String!) { echo(text: $t) }', variables: { t: text } });

describe('a subgraph’s /graphql over HTTP', () => {
  it('answers a signed JSON POST with JSON', async () => {
    const response = await post(echo('hello'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ data: { echo: 'hello' } });
  });

  it('refuses a body that is not JSON with 400 and BAD_REQUEST, resolving nothing', async () => {
    const before = resolved;
    const response = await post('{"query": "{ echo(text: \\"a\\") }"');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: 'BAD_REQUEST' } }] });
    expect(resolved).toBe(before);
  });

  it('refuses a body over 1 MiB with 413, resolving nothing', async () => {
    const before = resolved;
    const response = await post(echo('x'.repeat(1024 * 1024)));
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
    expect(resolved).toBe(before);
  });

  it('refuses an unsigned POST before reading it', async () => {
    const response = await fetch(service.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: echo('hello'),
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
  });

  it('still serves what the direct path leaves to Express: compressed bodies and GET', async () => {
    const compressed = await post(gzipSync(echo('zipped')), { 'content-encoding': 'gzip' });
    expect(await compressed.json()).toEqual({ data: { echo: 'zipped' } });

    const get = await fetch(`${service.url}?query=${encodeURIComponent('{ echo(text: "got") }')}`, {
      headers: { ...callerHeaders(null), 'apollo-require-preflight': 'true' },
    });
    expect(await get.json()).toEqual({ data: { echo: 'got' } });
  });

  it('leaves what is not JSON to Apollo Server’s CSRF prevention', async () => {
    const response = await fetch(service.url, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', ...callerHeaders(null) },
      body: echo('hello'),
    });
    expect(response.status).toBe(400);
  });
});
