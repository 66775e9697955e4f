import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { createClient, type Client, type FormattedExecutionResult } from 'graphql-ws';
import {
  LogInDocument,
  LogOutDocument,
  RefreshDocument,
  SignUpDocument,
  type LogInInput,
  type SignUpInput,
} from '../generated/graphql.js';
import { asSubscriptionError, isCloseEvent, MibApiError } from './apiErrors.js';
import { postOperation } from './postOperation.js';
import { SessionHolder, type SessionTokens } from './sessionTokens.js';

export interface MibClientOptions {
  /** The gateway's GraphQL URL (`http://localhost:4000/graphql`); subscriptions use it over ws(s). */
  readonly url: string;
  /** An API key (`mib_…`) to act with instead of a session: for scripts and services. */
  readonly apiKey?: string;
  /** A session kept from before (see `onSessionChange`), to go on without signing in again. */
  readonly session?: SessionTokens | null;
  /** Told each time the session changes (signed in, refreshed, signed out): where to keep it. */
  readonly onSessionChange?: (session: SessionTokens | null) => void;
  /** The WebSocket class for subscriptions where there is no global one (Node 20: `ws`'s). */
  readonly webSocketImpl?: unknown;
  readonly fetch?: typeof fetch;
  /** How long before its expiry an access token is replaced (default 30 s). */
  readonly refreshMarginMs?: number;
  /** The clock token expiry is judged by (default `Date.now`). */
  readonly now?: () => number;
}

/** The variables argument of a document: optional when the document needs none. */
export type VariablesArgument<Variables> =
  Record<string, never> extends Variables ? [variables?: Variables] : [variables: Variables];

/** graphql-ws's close code for refused credentials; it retries it, as new ones may be accepted. */
const FORBIDDEN_CLOSE = 4403;

/**
 * A client of the gateway for the SDK's documents, typed by them. Queries and mutations go over
 * HTTP by hash, subscriptions over one graphql-ws connection opened on the first. It signs in
 * (`logIn`, `signUp`) or acts with an API key, sends the credentials, and replaces the access token
 * before it expires (and once more when the gateway refuses it early), so a long-running front end
 * or subscription outlives its tokens. Errors are `MibApiError`s carrying `extensions.code`.
 */
export class MibClient {
  readonly #url: string;
  readonly #fetch: typeof fetch;
  readonly #apiKey: string | undefined;
  readonly #webSocketImpl: unknown;
  readonly #session: SessionHolder;
  #socket: Client | undefined;
  /** The access token the subscriptions' connection last sent, and whether the gateway refused it. */
  #connectionToken: { readonly value: string | undefined; refused: boolean } = {
    value: undefined,
    refused: false,
  };

  constructor(options: MibClientOptions) {
    this.#url = options.url;
    this.#fetch = options.fetch ?? globalThis.fetch;
    this.#apiKey = options.apiKey;
    this.#webSocketImpl = options.webSocketImpl;
    this.#session = new SessionHolder(
      options.session ?? null,
      async (refreshToken) => (await this.#post(RefreshDocument, { refreshToken }, undefined)).refresh,
      options.onSessionChange ?? (() => undefined),
      options.now ?? Date.now,
      options.refreshMarginMs ?? 30_000,
    );
  }

  /** The signed-in session, or null. */
  get session(): SessionTokens | null {
    return this.#session.tokens;
  }

  /** Signs in; subscriptions of an earlier session end. */
  async logIn(input: LogInInput): Promise<SessionTokens['user']> {
    return this.#signIn((await this.#post(LogInDocument, { input }, undefined)).logIn);
  }

  /** Opens a new trader account and signs in to it. */
  async signUp(input: SignUpInput): Promise<SessionTokens['user']> {
    return this.#signIn((await this.#post(SignUpDocument, { input }, undefined)).signUp);
  }

  /**
   * Ends the session at the gateway and forgets it, and ends its subscriptions. Forgotten even
   * when the gateway cannot be told (then the error is thrown after): a signed-out user expects
   * this device to hold no session.
   */
  async logOut(): Promise<void> {
    const tokens = this.#session.tokens;
    if (!tokens) return;
    this.#session.set(null);
    this.#closeSocket();
    await this.#post(LogOutDocument, { refreshToken: tokens.refreshToken }, undefined);
  }

  /** Runs a query or mutation: its data, or a `MibApiError` when the result has errors. */
  async request<Result, Variables>(
    document: TypedDocumentNode<Result, Variables>,
    ...[variables]: VariablesArgument<Variables>
  ): Promise<Result> {
    const accessToken = this.#apiKey === undefined ? await this.#session.accessToken() : undefined;
    try {
      return await this.#post(document, variables, accessToken ?? this.#apiKey);
    } catch (error) {
      // Refused before its expiry by this clock (a clock off, keys rotated): once more, refreshed.
      if (!(error instanceof MibApiError) || error.code !== 'UNAUTHENTICATED' || accessToken === undefined)
        throw error;
      const renewed = await this.#session.renew(accessToken);
      if (!renewed) throw error;
      return this.#post(document, variables, renewed.accessToken);
    }
  }

  /**
   * A subscription's payloads until the caller stops reading (`return`, or `break` in `for await`).
   * It ends with a `MibApiError` when the gateway refuses the operation, and with a
   * `MibConnectionClosedError` when the connection is lost for good. Across a reconnection
   * (the gateway closes a connection whose token has expired; the client opens it again with a
   * fresh one and subscribes again) events published in between are not sent.
   */
  subscribe<Result, Variables>(
    document: TypedDocumentNode<Result, Variables>,
    ...[variables]: VariablesArgument<Variables>
  ): AsyncIterableIterator<Result> {
    const results = this.#connection().iterate<Result>({
      query: print(document),
      ...(variables === undefined ? {} : { variables: variables as Record<string, unknown> }),
    });
    return payloadsOf(results);
  }

  /** Closes the subscriptions' connection; requests still work. */
  async dispose(): Promise<void> {
    const socket = this.#socket;
    this.#socket = undefined;
    // graphql-ws rejects when the connection being opened failed: then there is nothing to close.
    await Promise.resolve(socket?.dispose()).catch(() => undefined);
  }

  #signIn(tokens: SessionTokens): SessionTokens['user'] {
    this.#closeSocket();
    this.#session.set(tokens);
    return tokens.user;
  }

  #post<Result, Variables>(
    document: TypedDocumentNode<Result, Variables>,
    variables: Variables | undefined,
    credential: string | undefined,
  ): Promise<Result> {
    const headers: Record<string, string> = credential ? { authorization: `Bearer ${credential}` } : {};
    return postOperation(this.#fetch, this.#url, document, variables, headers);
  }

  #connection(): Client {
    this.#socket ??= createClient({
      url: this.#url.replace(/^http/, 'ws'),
      webSocketImpl: this.#webSocketImpl,
      // Asked on every (re)connection, so a connection opened again after a refresh uses the new token.
      connectionParams: async () => {
        const credential = this.#apiKey ?? (await this.#connectionAccessToken());
        return credential ? { authorization: `Bearer ${credential}` } : {};
      },
      // The gateway closes a connection whose token no longer holds (expired, signing key retired).
      on: {
        closed: (event) => {
          if (isCloseEvent(event) && event.code === FORBIDDEN_CLOSE) this.#connectionToken.refused = true;
        },
      },
      // Refused credentials are retried only while there are credentials to try again with.
      shouldRetry: (closeEvent) =>
        isCloseEvent(closeEvent) &&
        (closeEvent.code !== FORBIDDEN_CLOSE || this.#apiKey !== undefined || this.#session.tokens !== null),
    });
    return this.#socket;
  }

  /**
   * The session's access token for a (re)connection: refreshed when it is about to expire, and
   * when the gateway refused it on the previous connection, whatever its expiry says. Without a
   * session (or with a refresh refused, which signs the client out) none: the gateway then refuses
   * the connection and it is not retried.
   */
  async #connectionAccessToken(): Promise<string | undefined> {
    let token = await this.#session.accessToken().catch(() => undefined);
    const previous = this.#connectionToken;
    if (token !== undefined && previous.refused && previous.value === token)
      token = (await this.#session.renew(token).catch(() => null))?.accessToken;
    this.#connectionToken = { value: token, refused: false };
    return token;
  }

  /** Ends the subscriptions of the identity the connection was opened with. */
  #closeSocket(): void {
    void this.dispose();
  }
}

async function* payloadsOf<Result>(
  results: AsyncIterableIterator<FormattedExecutionResult<Result, unknown>>,
): AsyncIterableIterator<Result> {
  try {
    for await (const result of results) {
      if (result.errors?.length || result.data === undefined || result.data === null)
        throw new MibApiError(result.errors ?? [], undefined, result.data);
      yield result.data;
    }
  } catch (error) {
    throw asSubscriptionError(error);
  }
}
