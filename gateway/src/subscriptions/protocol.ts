/**
 * The `graphql-transport-ws` protocol (graphql-ws v6, its PROTOCOL.md), as the gateway's server
 * side speaks it. In short:
 *
 * - The client opens a WebSocket with subprotocol `graphql-transport-ws` and must send
 *   `connection_init` (optional object payload: the connection params) within the init timeout
 *   (4408). The server answers `connection_ack`, or closes with 4403 when the caller is refused,
 *   or with 4429 when the client's address has used up its rate limit (checked before the
 *   credentials, so guessing them is throttled). A second `connection_init` closes with 4429.
 * - `ping` may be sent by either side at any time; the other answers `pong` (echoing the payload).
 * - After the ack the client sends `subscribe` (`id`, unique among its live operations, else 4409;
 *   before the ack: 4401). The server answers `next`* then `complete`, or a single `error` (an
 *   array of GraphQL errors) that ends the operation. The client may send `complete` to stop one.
 * - A message that is not valid JSON of a known client type closes with 4400; a server fault 4500.
 */
export const GRAPHQL_TRANSPORT_WS_PROTOCOL = 'graphql-transport-ws';

/** Close codes of the protocol, plus the gateway's own for a client that cannot keep up. */
export const CloseCode = {
  InternalServerError: 4500,
  BadRequest: 4400,
  Unauthorized: 4401,
  Forbidden: 4403,
  SubprotocolNotAcceptable: 4406,
  ConnectionInitialisationTimeout: 4408,
  SubscriberAlreadyExists: 4409,
  TooManyInitialisationRequests: 4429,
  /**
   * graphql-ws's 4429 also for a `connection_init` over its address's rate limit: its client does
   * not reconnect on 4429, so a rate-limited client surfaces the refusal instead of retrying.
   */
  TooManyRequests: 4429,
  /**
   * Not in graphql-ws: the server dropped a client whose unsent output passed the limit. 1008
   * (policy violation) rather than a 44xx code, so the graphql-ws client retries (with back-off).
   */
  SlowConsumer: 1008,
  GoingAway: 1001,
} as const;

export interface SubscribePayload {
  readonly query: string;
  readonly operationName?: string | null;
  readonly variables?: Record<string, unknown> | null;
  readonly extensions?: Record<string, unknown> | null;
}

/** The messages a client may send. */
export type ClientMessage =
  | { readonly type: 'connection_init'; readonly payload?: Record<string, unknown> | null }
  | { readonly type: 'ping'; readonly payload?: Record<string, unknown> | null }
  | { readonly type: 'pong'; readonly payload?: Record<string, unknown> | null }
  | { readonly type: 'subscribe'; readonly id: string; readonly payload: SubscribePayload }
  | { readonly type: 'complete'; readonly id: string };

export class InvalidMessageError extends Error {}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isOptional = (value: unknown, check: (value: unknown) => boolean): boolean =>
  value === undefined || value === null || check(value);

const nonEmptyId = (message: Record<string, unknown>): string => {
  const id = message['id'];
  if (typeof id !== 'string' || id === '')
    throw new InvalidMessageError(`"${String(message['type'])}" needs a non-empty string id`);
  return id;
};

/** Parses and checks one client frame; throws `InvalidMessageError` for anything else. */
export function parseClientMessage(data: string): ClientMessage {
  let message: unknown;
  try {
    message = JSON.parse(data);
  } catch {
    throw new InvalidMessageError('message is not JSON');
  }
  if (!isObject(message)) throw new InvalidMessageError('message is not an object');
  const { type, payload } = message;
  switch (type) {
    case 'connection_init':
    case 'ping':
    case 'pong':
      if (!isOptional(payload, isObject))
        throw new InvalidMessageError(`"${type}" payload must be an object`);
      // One literal for three types: TypeScript does not distribute `type` over the union.
      return { type, payload } as ClientMessage;
    case 'subscribe': {
      const id = nonEmptyId(message);
      if (
        !isObject(payload) ||
        typeof payload['query'] !== 'string' ||
        !isOptional(payload['variables'], isObject) ||
        !isOptional(payload['operationName'], (name) => typeof name === 'string') ||
        !isOptional(payload['extensions'], isObject)
      )
        throw new InvalidMessageError(
          '"subscribe" payload must be { query, variables?, operationName?, extensions? }',
        );
      return { type, id, payload: payload as unknown as SubscribePayload };
    }
    case 'complete':
      return { type, id: nonEmptyId(message) };
    default:
      throw new InvalidMessageError(`unexpected message type ${JSON.stringify(type)}`);
  }
}

/** A server message for one operation, serialised (ids are client strings, so JSON-escaped). */
export const encodeComplete = (id: string): string => `{"id":${JSON.stringify(id)},"type":"complete"}`;

export const encodeNext = (id: string, payload: unknown): string =>
  `{"id":${JSON.stringify(id)},"type":"next","payload":${JSON.stringify(payload)}}`;

export const encodeError = (id: string, errors: readonly unknown[]): string =>
  `{"id":${JSON.stringify(id)},"type":"error","payload":${JSON.stringify(errors)}}`;

/**
 * The two halves of a `next` frame, for fan-out: the head carries the subscription id and is
 * built once per subscription, the tail carries the payload and is built once per shared event.
 * A frame is `head + tail`, so 10,000 subscribers of one stream cost one JSON.stringify.
 */
export const encodeNextHead = (id: string): Buffer =>
  Buffer.from(`{"id":${JSON.stringify(id)},"type":"next","payload":`);

export const encodeNextTail = (payload: unknown): Buffer => Buffer.from(`${JSON.stringify(payload)}}`);
