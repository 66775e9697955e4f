import type { SessionTokensFragment } from '../generated/graphql.js';
import { MibApiError } from './apiErrors.js';

/** A signed-in session as the client keeps it (what `logIn`, `signUp` and `refresh` return). */
export type SessionTokens = SessionTokensFragment;

/** Exchanges a refresh token for a new pair; rejects when the session has ended. */
export type RefreshSession = (refreshToken: string) => Promise<SessionTokens>;

/**
 * The client's session: the current token pair, refreshed shortly before the access token expires.
 * Refreshing rotates the pair (the old refresh token stops working), so concurrent callers share
 * one refresh rather than each spending the token.
 */
export class SessionHolder {
  #tokens: SessionTokens | null;
  #refreshing: Promise<SessionTokens> | undefined;

  constructor(
    tokens: SessionTokens | null,
    private readonly refresh: RefreshSession,
    private readonly onChange: (tokens: SessionTokens | null) => void,
    private readonly now: () => number,
    /** How long before its expiry an access token is replaced. */
    private readonly marginMs: number,
  ) {
    this.#tokens = tokens;
  }

  get tokens(): SessionTokens | null {
    return this.#tokens;
  }

  set(tokens: SessionTokens | null): void {
    this.#tokens = tokens;
    this.onChange(tokens);
  }

  /** The access token to send now: the current one, or a refreshed one when it is about to expire. */
  async accessToken(): Promise<string | undefined> {
    const tokens = this.#tokens;
    if (!tokens) return undefined;
    if (Date.parse(tokens.accessTokenExpiresAt) - this.now() > this.marginMs) return tokens.accessToken;
    return (await this.renew(tokens.accessToken))?.accessToken;
  }

  /**
   * A new pair for the session whose access token was `staleAccessToken`, refreshing once however
   * many callers ask: a caller that saw an older token than the current one gets the current one.
   * A refresh refused (the session ended or expired) signs the client out; one that failed to
   * reach the gateway keeps the session and rejects.
   */
  async renew(staleAccessToken: string): Promise<SessionTokens | null> {
    const tokens = this.#tokens;
    if (!tokens) return null;
    if (tokens.accessToken !== staleAccessToken) return tokens;
    this.#refreshing ??= this.refresh(tokens.refreshToken).finally(() => (this.#refreshing = undefined));
    try {
      const renewed = await this.#refreshing;
      if (this.#tokens === tokens) this.set(renewed);
      return this.#tokens;
    } catch (error) {
      if (isSessionEnded(error) && this.#tokens === tokens) this.set(null);
      throw error;
    }
  }
}

const isSessionEnded = (error: unknown): boolean =>
  error instanceof MibApiError && error.code === 'UNAUTHENTICATED';
