import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSubgraphFetcher } from '../src/subgraphFetcher.js';

let server: Server;
let url: string;
const sockets = new Set<unknown>();
const seen: { method: string | undefined; headers: IncomingMessage['headers']; body: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    sockets.add(req.socket);
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      seen.push({ method: req.method, headers: req.headers, body });
      const status = req.url === '/broken' ? 502 : 200;
      // `/slow` answers after 50 ms, so requests sent together are in flight together.
      setTimeout(
        () => {
          res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'max-age=5' });
          res.end(JSON.stringify({ data: { echo: body } }));
        },
        req.url === '/slow' ? 50 : 0,
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('subgraph fetcher', () => {
  it('sends method, headers and body, and answers as a fetch response the gateway can read', async () => {
    const fetcher = createSubgraphFetcher();
    const response = await fetcher.fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-mib-identity': 'v1.token' },
      body: '{"query":"{ a }"}',
    });
    expect(response.ok).toBe(true);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('application/json');
    expect(response.headers.get('cache-control')).toBe('max-age=5');
    expect(await response.json()).toEqual({ data: { echo: '{"query":"{ a }"}' } });
    expect(seen.at(-1)).toMatchObject({ method: 'POST', headers: { 'x-mib-identity': 'v1.token' } });
    await fetcher.close();
  });

  it('reports a non-2xx answer as not ok, with its body readable for the error', async () => {
    const fetcher = createSubgraphFetcher();
    const response = await fetcher.fetch(`${url}/broken`, { method: 'POST', body: '{}' });
    expect(response.ok).toBe(false);
    expect(response.status).toBe(502);
    expect(await response.text()).toContain('echo');
    await fetcher.close();
  });

  it('keeps connections alive: twenty sequential requests reuse one or two sockets', async () => {
    const fetcher = createSubgraphFetcher();
    sockets.clear();
    for (let index = 0; index < 20; index++)
      await (await fetcher.fetch(`${url}/graphql`, { method: 'POST', body: '{}' })).text();
    // A request sent as the previous answer ends may find its socket not yet released.
    expect(sockets.size).toBeLessThanOrEqual(2);
    await fetcher.close();
  });

  it('shares one request among identical queries in flight together, and only those', async () => {
    const fetcher = createSubgraphFetcher();
    const send = (body: string, caller = 'v1.alice', path = '/slow') =>
      fetcher.fetch(`${url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-mib-identity': caller },
        body,
      });
    const query = '{"query":"query Q__orders__1($id:ID!){order(id:$id){id}}","variables":{"id":"1"}}';
    const mutation = '{"query":"mutation M__orders__0{cancelOrder(id:\\"1\\"){id}}"}';
    const before = seen.length;
    const responses = await Promise.all([
      send(query),
      send(query),
      send(query),
      send(query, 'v1.bob'),
      send(query.replace('"1"}}', '"2"}}')),
      send(mutation),
      send(mutation),
    ]);
    // Three alike from one caller → one request; another caller, other variables, each mutation: their own.
    expect(seen.length - before).toBe(5);
    const bodies = await Promise.all(responses.map((response) => response.json()));
    expect(bodies[0]).toEqual({ data: { echo: query } });
    expect(bodies[1]).toEqual(bodies[0]);
    expect(responses[0]?.headers).not.toBe(responses[1]?.headers);
    // Once answered, the next identical query is a request of its own.
    await send(query);
    expect(seen.length - before).toBe(6);
    await fetcher.close();
  });

  it('shares nothing when told not to', async () => {
    const fetcher = createSubgraphFetcher({ deduplicateQueries: false });
    const before = seen.length;
    const body = '{"query":"{ a }"}';
    await Promise.all([1, 2].map(() => fetcher.fetch(`${url}/slow`, { method: 'POST', body })));
    expect(seen.length - before).toBe(2);
    await fetcher.close();
  });
});
