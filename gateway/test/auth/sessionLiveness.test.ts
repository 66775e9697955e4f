import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { IDENTITY_HEADER } from '@mib/auth';
import { testCallerTokens } from '@mib/auth/testing';
import { SessionLiveness } from '../../src/auth/sessionLiveness.js';

const tokens = testCallerTokens;
/** What the stand-in users subgraph answers, per session; absent: it fails with 503. */
const liveness = new Map<string, boolean>();
let questions: string[] = [];
let server: Server;
let url: URL;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      tokens.verify(req.headers[IDENTITY_HEADER]);
      const { sessionId } = JSON.parse(body) as { sessionId: string };
      questions.push(sessionId);
      const live = liveness.get(sessionId);
      res.statusCode = live === undefined ? 503 : 200;
      res.end(live === undefined ? 'down' : JSON.stringify({ live }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/internal/sessions/live`);
});
afterAll(() => new Promise((resolve) => server.close(resolve)));
beforeEach(() => {
  questions = [];
  liveness.clear();
});

describe('SessionLiveness', () => {
  it('asks once per session within its time to live, then again', async () => {
    const sessions = new SessionLiveness(url, tokens, 1_000);
    liveness.set('s1', true);
    const [first, second] = await Promise.all([sessions.isLive('s1'), sessions.isLive('s1')]);
    expect([first, second]).toEqual([true, true]);
    expect(await sessions.isLive('s1', Date.now() + 500)).toBe(true);
    expect(questions).toEqual(['s1']);

    liveness.set('s1', false);
    expect(await sessions.isLive('s1', Date.now() + 2_000)).toBe(false);
    expect(questions).toEqual(['s1', 's1']);
  });

  it('keeps an ended session ended without asking again', async () => {
    const sessions = new SessionLiveness(url, tokens, 1_000);
    liveness.set('gone', false);
    expect(await sessions.isLive('gone')).toBe(false);
    liveness.set('gone', true);
    expect(await sessions.isLive('gone', Date.now() + 60_000)).toBe(false);
    expect(questions).toEqual(['gone']);
  });

  it('keeps the last answer while the users subgraph cannot answer, and fails for a session never seen', async () => {
    const sessions = new SessionLiveness(url, tokens, 1_000);
    liveness.set('s2', true);
    expect(await sessions.isLive('s2')).toBe(true);
    liveness.delete('s2');
    expect(await sessions.isLive('s2', Date.now() + 2_000)).toBe(true);
    await expect(sessions.isLive('never-seen')).rejects.toThrow(/503/);
  });
});
