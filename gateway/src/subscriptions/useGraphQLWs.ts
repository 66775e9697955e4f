import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ExecutionArgs, ExecutionResult, GraphQLError } from 'graphql';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { Caller, Identity } from '@mib/auth';
import type { Logger } from '@mib/telemetry';
import { GraphQLWsConnection, type ProtocolSocket, type SubscriptionSource } from './graphqlWsConnection.js';
import { OperationPreparer } from './operationPreparer.js';
import { CloseCode, GRAPHQL_TRANSPORT_WS_PROTOCOL } from './protocol.js';
import { textFrame } from './websocketFrame.js';

export interface GraphQLWsOptions {
  /** The HTTP path the WebSocket endpoint answers on (the gateway uses `/graphql`). */
  readonly path: string;
  /** Where subscriptions go; its `schema` (the API schema) validates every operation. */
  readonly subscriptions: SubscriptionSource;
  /** Runs queries and mutations sent over the socket through the gateway's HTTP pipeline. */
  readonly executeOperation: (args: ExecutionArgs, caller: Caller) => Promise<ExecutionResult>;
  /**
   * Who opened the connection, from `connection_init`'s payload and the upgrade request. Throw
   * to refuse: the socket closes with 4403 Forbidden before any acknowledgement.
   */
  readonly authenticateConnection: (
    connectionParams: Readonly<Record<string, unknown>> | undefined,
    request: IncomingMessage,
  ) => Promise<Identity>;
  /**
   * The client's address from the upgrade request, for caller tokens and `admitConnection`.
   * Default: the TCP peer's address. The gateway's honours `TRUST_PROXY`, as for HTTP.
   */
  readonly clientIpOf?: (request: IncomingMessage) => string | null;
  /**
   * Charged once per connection, on `connection_init` and before `authenticateConnection` (not
   * on re-authentication), with the client's address: a reason to refuse with 4429, or null to
   * go on. The gateway's draws on the per-address rate limit, so guessing credentials over
   * WebSocket costs the same tokens as over HTTP. Default: every connection goes on.
   */
  readonly admitConnection?: (clientIp: string | null) => Promise<string | null>;
  /**
   * Asked before each subscription opens, with its caller: the error to refuse it with, or null
   * to open it. The gateway's charges the per-user or per-API-key rate limit, as a query or
   * mutation over the socket is charged in `executeOperation`. Default: every subscription opens.
   */
  readonly admitSubscription?: (caller: Caller) => Promise<GraphQLError | null>;
  /** Reasons to refuse a subscription beyond validation (operation limits, trusted documents). */
  readonly checkSubscription?: ConstructorParameters<typeof OperationPreparer>[1];
  /** Reasons to refuse any operation by its text, before it is parsed (the token limit). */
  readonly checkOperationText?: ConstructorParameters<typeof OperationPreparer>[2];
  /** Most operations one connection may hold at once; past it a `subscribe` gets RATE_LIMITED. */
  readonly maxSubscriptionsPerConnection: number;
  /**
   * Told of every `subscribe` refused for `maxSubscriptionsPerConnection` (the gateway counts it
   * as a refused operation). Default: nobody is told.
   */
  readonly onSubscriptionCapReached?: () => void;
  /** How long a client has to send `connection_init` before 4408. Default 3,000 ms (graphql-ws's). */
  readonly connectionInitWaitTimeoutMs?: number;
  /**
   * Unsent output (bytes the OS has not taken) above which a client is dropped with 1008 rather
   * than buffered without bound. Default 4 MiB: about 10,000 small events, far beyond any client
   * that keeps up, small enough that 10,000 stuck clients cannot exhaust the heap unnoticed.
   */
  readonly maxBufferedBytes?: number;
  /**
   * Interval of WebSocket-level pings; a client that has not answered the previous one by the
   * next is terminated (frees the subscriptions of vanished peers). Default 12,000 ms; 0: none.
   */
  readonly keepAliveMs?: number;
  /** Largest client frame accepted. Default 1 MiB. */
  readonly maxPayloadBytes?: number;
  /**
   * How often every open connection's `connection_init` credentials are checked again
   * (`authenticateConnection`): an expired access token or a logged-out session closes its
   * connections with 4403 within this time. Default 10,000 ms; 0: never.
   */
  readonly reauthenticateMs?: number;
  /**
   * Whether an error of `authenticateConnection` says the credentials are bad; other errors (a
   * check that could not be made) keep an open connection. Default: every error.
   */
  readonly isCredentialError?: (error: unknown) => boolean;
  /**
   * Told of every closed connection with its close code: the server's when the server closed it,
   * else the peer's (1005 none given, 1006 dropped). Default: nobody is told.
   */
  readonly onConnectionClosed?: (code: number) => void;
  readonly logger: Logger;
}

/** The running WebSocket endpoint. */
export interface GraphQLWsServer {
  /** Connections open right now, from the upgrade until the socket closed. */
  readonly connectionCount: number;
  close(): Promise<void>;
}

/** Ticks per re-authentication period, each checking its share of the connections. */
const REAUTHENTICATION_SLICES = 20;

/** After a close frame, how long a peer has to answer before its socket is destroyed. */
const CLOSE_GRACE_MS = 1_000;

const TEXT_FRAME = { binary: false } as const;

/**
 * The gateway's `graphql-transport-ws` server on `ws`: one `GraphQLWsConnection` per socket, and
 * events of shared streams written as pre-encoded frames (see `SubscriptionHub`).
 */
export function useGraphQLWs(httpServer: Server, options: GraphQLWsOptions): GraphQLWsServer {
  const logger = options.logger.child({ component: 'graphql-ws' });
  const wsServer = new WebSocketServer({
    server: httpServer,
    path: options.path,
    perMessageDeflate: false,
    maxPayload: options.maxPayloadBytes ?? 1024 * 1024,
    handleProtocols: (protocols) =>
      protocols.has(GRAPHQL_TRANSPORT_WS_PROTOCOL) ? GRAPHQL_TRANSPORT_WS_PROTOCOL : false,
  });
  const settings = {
    subscriptions: options.subscriptions,
    preparer: new OperationPreparer(
      options.subscriptions.schema,
      options.checkSubscription,
      options.checkOperationText,
    ),
    executeOperation: options.executeOperation,
    admitSubscription: options.admitSubscription ?? (() => Promise.resolve(null)),
    maxSubscriptionsPerConnection: options.maxSubscriptionsPerConnection,
    onSubscriptionCapReached: options.onSubscriptionCapReached ?? (() => {}),
    connectionInitWaitTimeoutMs: options.connectionInitWaitTimeoutMs ?? 3_000,
    maxBufferedBytes: options.maxBufferedBytes ?? 4 * 1024 * 1024,
    isCredentialError: options.isCredentialError ?? (() => true),
    logger,
  };
  const connections = new Set<GraphQLWsConnection>();
  const clientIpOf =
    options.clientIpOf ?? ((request: IncomingMessage) => request.socket.remoteAddress ?? null);
  const admitConnection = options.admitConnection ?? (() => Promise.resolve(null));

  wsServer.on('connection', (socket, request) => {
    if (socket.protocol !== GRAPHQL_TRANSPORT_WS_PROTOCOL) {
      closeSocket(socket, CloseCode.SubprotocolNotAcceptable, 'Subprotocol not acceptable');
      socket.once('close', () => options.onConnectionClosed?.(CloseCode.SubprotocolNotAcceptable));
      return;
    }
    const clientIp = clientIpOf(request);
    const connection = new GraphQLWsConnection(protocolSocket(socket, request.socket), settings, {
      admit: () => admitConnection(clientIp),
      authenticate: async (connectionParams) => ({
        identity: await options.authenticateConnection(connectionParams, request),
        clientIp,
      }),
    });
    connections.add(connection);
    socket.on('message', (data) => connection.receive(textOf(data)));
    socket.on('pong', () => alive.add(socket));
    socket.once('close', (peerCode) => {
      connections.delete(connection);
      connection.closed();
      options.onConnectionClosed?.(closedBy.get(socket) ?? peerCode);
    });
    socket.on('error', (error) => logger.debug({ err: error }, 'graphql-ws socket error'));
    alive.add(socket);
  });

  // One timer for all connections, not one per socket: 10,000 sockets, 1 interval.
  const alive = new WeakSet<WebSocket>();
  const keepAliveMs = options.keepAliveMs ?? 12_000;
  const keepAlive =
    keepAliveMs > 0
      ? setInterval(() => {
          for (const socket of wsServer.clients) {
            if (!alive.delete(socket)) socket.terminate();
            else if (socket.readyState === socket.OPEN) socket.ping();
          }
        }, keepAliveMs).unref()
      : undefined;

  // Every connection once per period, a slice per tick: 10,000 checks at once would hold up the
  // fan-out of whatever event arrives meanwhile.
  const reauthenticateMs = options.reauthenticateMs ?? 10_000;
  let round: GraphQLWsConnection[] = [];
  let next = 0;
  const reauthentication =
    reauthenticateMs > 0
      ? setInterval(
          () => {
            if (next >= round.length) [round, next] = [[...connections], 0];
            const end = Math.min(round.length, next + Math.ceil(round.length / REAUTHENTICATION_SLICES));
            for (; next < end; next++) round[next]?.reauthenticate();
          },
          Math.max(1, Math.floor(reauthenticateMs / REAUTHENTICATION_SLICES)),
        ).unref()
      : undefined;

  return {
    get connectionCount() {
      return connections.size;
    },
    close: async () => {
      clearInterval(keepAlive);
      clearInterval(reauthentication);
      for (const socket of wsServer.clients) closeSocket(socket, CloseCode.GoingAway, 'Going away');
      await new Promise<void>((resolve) => wsServer.close(() => resolve()));
    },
  };
}

/** A frame's text (with the default `binaryType`, a frame arrives as one Buffer). */
function textOf(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.from(data).toString('utf8');
}

/**
 * `tcp` is the upgraded request's socket, the one `ws` itself writes to: fan-out frames are
 * written to it whole, in order with `ws`'s own writes (with compression off, `ws` writes each
 * message at once and keeps no queue of its own).
 */
function protocolSocket(socket: WebSocket, tcp: Duplex): ProtocolSocket {
  return {
    send: (message) => {
      if (socket.readyState === socket.OPEN) socket.send(message, TEXT_FRAME);
    },
    sendJoined: (head, tail) => {
      if (socket.readyState === socket.OPEN) tcp.write(textFrame(head, tail));
    },
    get bufferedAmount() {
      return socket.bufferedAmount;
    },
    close: (code, reason) => closeSocket(socket, code, reason),
  };
}

/** The code the server closed a socket with, for the metrics: the peer echoes it or not. */
const closedBy = new WeakMap<WebSocket, number>();

/** Sends a close frame, and destroys the socket if the peer does not complete the close soon. */
function closeSocket(socket: WebSocket, code: number, reason: string): void {
  if (!closedBy.has(socket)) closedBy.set(socket, code);
  socket.close(code, reason);
  const destroy = setTimeout(() => socket.terminate(), CLOSE_GRACE_MS).unref();
  socket.once('close', () => clearTimeout(destroy));
}
