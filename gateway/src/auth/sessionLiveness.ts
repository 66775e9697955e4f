import { LRUCache } from 'lru-cache';
import type { CallerTokens } from '@mib/auth';
import { postToUsersRoute } from './usersInternalRoute.js';

interface Answer {
  readonly live: boolean;
  readonly until: number;
}

/**
 * Whether an access token's session (its `sid`) is still signed in, asked of the users subgraph
 * (`POST /internal/sessions/live`, signed like every gateway call), which alone knows of logOut
 * and of families revoked for a reused refresh token. Without this an access token would work
 * until it expires, up to 15 minutes after its holder logged out.
 *
 * A live answer is kept for `ttlMs`, so a logged-out session stops working within that time and
 * a client's burst costs one round trip; an ended session stays ended. Concurrent requests of one
 * session share one question. When the users subgraph cannot answer, a session answered before
 * keeps its last answer (an outage must not sign everyone out); one never seen is an error.
 */
export class SessionLiveness {
  readonly #answers: LRUCache<string, Answer>;
  readonly #questions = new Map<string, Promise<boolean>>();

  constructor(
    private readonly livenessUrl: URL,
    private readonly callerTokens: CallerTokens,
    private readonly ttlMs = 5_000,
    maxCachedSessions = 10_000,
  ) {
    this.#answers = new LRUCache({ max: maxCachedSessions });
  }

  async isLive(sessionId: string, now = Date.now()): Promise<boolean> {
    const known = this.#answers.get(sessionId);
    if (known && (!known.live || known.until > now)) return known.live;
    let question = this.#questions.get(sessionId);
    if (!question) {
      question = this.#ask(sessionId).finally(() => this.#questions.delete(sessionId));
      this.#questions.set(sessionId, question);
    }
    try {
      return await question;
    } catch (error) {
      if (known) return known.live;
      throw error;
    }
  }

  async #ask(sessionId: string): Promise<boolean> {
    const response = await postToUsersRoute(this.livenessUrl, this.callerTokens, { sessionId });
    if (response.status !== 200) throw new Error(`session liveness answered ${response.status}`);
    const { live } = (await response.json()) as { live?: unknown };
    if (typeof live !== 'boolean') throw new Error('session liveness answered without `live`');
    this.#answers.set(sessionId, { live, until: Date.now() + this.ttlMs });
    return live;
  }
}
