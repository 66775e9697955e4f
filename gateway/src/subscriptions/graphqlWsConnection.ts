import type {
  ExecutionArgs,
  ExecutionResult,
  GraphQLError,
  GraphQLFormattedError,
  GraphQLSchema,
} from 'graphql';
import type { Caller } from '@mib/auth';
import { ErrorCode } from '@mib/errors';
import type { Logger } from '@mib/telemetry';
import { sameIdentity } from '../auth/sameIdentity.js';
import { clientErrorsOf } from './clientErrors.js';
import type { FederatedSubscribeRequest } from './federatedSubscriptions.js';
import type { OperationPreparer } from './operationPreparer.js';
import {
  CloseCode,
  encodeComplete,
  encodeError,
  encodeNext,
  encodeNextHead,
  InvalidMessageError,
  parseClientMessage,
  type SubscribePayload,
} from './protocol.js';
import { SubgraphErrors } from './subgraphSockets.js';
import type { SharedEvent, SubscriptionListener, Unsubscribe } from './subscriptionHub.js';

/** The few things the protocol needs of a WebSocket (the `ws` adapter supplies them). */
export interface ProtocolSocket {
  /** Queues one text message; a no-op once the socket is closing. */
  send(message: string): void;
  /** Queues one text message made of `head` then `tail` (the fan-out's pre-encoded halves). */
  sendJoined(head: Buffer, tail: Buffer): void;
  /** Bytes queued for the peer that the OS has not yet taken. */
  readonly bufferedAmount: number;
  close(code: number, reason: string): void;
}

/** Where subscriptions go: the gateway's `FederatedSubscriptions`. */
export interface SubscriptionSource {
  readonly schema: GraphQLSchema;
  subscribe(request: FederatedSubscribeRequest, listener: SubscriptionListener): Unsubscribe;
}

/** What a connection asks of its peer's side: whether to let it in, and who it is. */
export interface ConnectionPeer {
  /**
   * Called once, on `connection_init`, before the credentials are checked (never when they are
   * checked again): the reason to close with 4429, or null to go on.
   */
  admit(): Promise<string | null>;
  /**
   * Resolves the caller from `connection_init`'s payload; rejects to refuse (4403). Called again
   * by `reauthenticate` with the same payload.
   */
  authenticate(connectionParams: Readonly<Record<string, unknown>> | undefined): Promise<Caller>;
}

/** What every connection of one server shares. */
export interface ConnectionSettings {
  readonly subscriptions: SubscriptionSource;
  readonly preparer: OperationPreparer;
  readonly executeOperation: (args: ExecutionArgs, caller: Caller) => Promise<ExecutionResult>;
  /** Asked before each subscription opens: the error to refuse it with (RATE_LIMITED), or null. */
  readonly admitSubscription: (caller: Caller) => Promise<GraphQLError | null>;
  readonly maxSubscriptionsPerConnection: number;
  /** Called for each `subscribe` refused because the connection holds the maximum already. */
  readonly onSubscriptionCapReached: () => void;
  readonly connectionInitWaitTimeoutMs: number;
  readonly maxBufferedBytes: number;
  /** Whether a failed authentication means the credentials are bad (not that checking failed). */
  readonly isCredentialError: (error: unknown) => boolean;
  readonly logger: Logger;
}

/** The connection's lifecycle; operations are accepted only while `ready`. */
type ConnectionState =
  | { readonly phase: 'awaitingInit'; readonly initTimeout: NodeJS.Timeout }
  | { readonly phase: 'authenticating' }
  | {
      readonly phase: 'ready';
      readonly caller: Caller;
      /** What `connection_init` carried, to check the credentials again while the connection lives. */
      readonly connectionParams: Readonly<Record<string, unknown>> | undefined;
    }
  | { readonly phase: 'closed' };

/** A live subscription: the hub calls it for each event of its stream. */
class OperationSubscriber implements SubscriptionListener {
  /** `{"id":…,"type":"next","payload":` for this id, encoded once. */
  private readonly head: Buffer;
  unsubscribe: Unsubscribe | undefined;

  constructor(
    private readonly connection: GraphQLWsConnection,
    readonly id: string,
  ) {
    this.head = encodeNextHead(id);
  }

  next(event: SharedEvent): void {
    this.connection.sendNext(this.head, event.nextTail);
  }

  complete(error?: unknown): void {
    this.connection.operationEnded(this, error);
  }
}

/** A query or mutation in flight; its result is dropped if the client completes it first. */
interface SingleOperation {
  readonly id: string;
}

/**
 * The server side of one `graphql-transport-ws` connection (see `protocol.ts`), over an abstract
 * socket: the `ws` adapter feeds it frames and tells it when the socket closed.
 */
export class GraphQLWsConnection {
  private state: ConnectionState;
  private readonly operations = new Map<string, OperationSubscriber | SingleOperation>();

  constructor(
    private readonly socket: ProtocolSocket,
    private readonly settings: ConnectionSettings,
    private readonly peer: ConnectionPeer,
  ) {
    const initTimeout = setTimeout(
      () => this.close(CloseCode.ConnectionInitialisationTimeout, 'Connection initialisation timeout'),
      settings.connectionInitWaitTimeoutMs,
    );
    this.state = { phase: 'awaitingInit', initTimeout };
  }

  /** Live operations (subscriptions and queries in flight). */
  get operationCount(): number {
    return this.operations.size;
  }

  /** Handles one text frame from the client. */
  receive(data: string): void {
    if (this.state.phase === 'closed') return;
    try {
      this.dispatch(data);
    } catch (error) {
      if (error instanceof InvalidMessageError)
        return this.close(CloseCode.BadRequest, 'Invalid message received');
      this.settings.logger.error({ err: error }, 'graphql-ws message handling failed');
      this.close(CloseCode.InternalServerError, 'Internal server error');
    }
  }

  /** The socket closed (either side): ends every operation, no further frames are sent. */
  closed(): void {
    if (this.state.phase === 'awaitingInit') clearTimeout(this.state.initTimeout);
    this.state = { phase: 'closed' };
    const operations = [...this.operations.values()];
    this.operations.clear();
    for (const operation of operations)
      if (operation instanceof OperationSubscriber) operation.unsubscribe?.();
  }

  /**
   * Checks the connection's credentials again: a connection outlives the access token it was
   * opened with, and its session may be logged out meanwhile. Credentials that no longer hold,
   * or that now stand for another identity (an API key narrowed to a demoted owner's scopes),
   * close it with 4403 (graphql-ws clients reconnect, with fresh `connectionParams` if they
   * compute them); a check that fails for another reason (the users subgraph unreachable) keeps it.
   */
  reauthenticate(): void {
    if (this.state.phase !== 'ready') return;
    this.peer.authenticate(this.state.connectionParams).then(
      ({ identity }) => {
        if (this.state.phase !== 'ready' || sameIdentity(this.state.caller.identity, identity)) return;
        this.close(CloseCode.Forbidden, 'Forbidden: the credentials of this connection changed');
      },
      (error: unknown) => {
        if (!this.settings.isCredentialError(error)) {
          this.settings.logger.warn({ err: error }, 'graphql-ws credentials could not be checked again');
          return;
        }
        this.settings.logger.debug({ err: error }, 'graphql-ws credentials no longer hold');
        this.close(CloseCode.Forbidden, 'Forbidden: the credentials of this connection no longer hold');
      },
    );
  }

  /** Writes one event of a subscription (the hot path: one call per subscriber and event). */
  sendNext(head: Buffer, tail: Buffer): void {
    if (this.state.phase === 'closed') return;
    this.socket.sendJoined(head, tail);
    this.checkBacklog();
  }

  private sendFrame(message: string): void {
    if (this.state.phase === 'closed') return;
    this.socket.send(message);
    this.checkBacklog();
  }

  /** Drops the client once it has more unsent output than the limit, rather than buffer on. */
  private checkBacklog(): void {
    if (this.socket.bufferedAmount > this.settings.maxBufferedBytes)
      this.close(CloseCode.SlowConsumer, 'Slow consumer: too much unsent output');
  }

  /** A subscription's stream ended (from the hub). */
  operationEnded(subscriber: OperationSubscriber, error: unknown): void {
    if (this.operations.get(subscriber.id) !== subscriber) return;
    this.operations.delete(subscriber.id);
    if (error === undefined) return this.sendFrame(encodeComplete(subscriber.id));
    this.sendFrame(encodeError(subscriber.id, this.errorsOf(error)));
  }

  private dispatch(data: string): void {
    const message = parseClientMessage(data);
    switch (message.type) {
      case 'connection_init':
        return this.initialise(message.payload ?? undefined);
      case 'ping':
        return this.sendFrame(
          message.payload ? JSON.stringify({ type: 'pong', payload: message.payload }) : '{"type":"pong"}',
        );
      case 'pong':
        return;
      case 'subscribe':
        if (this.state.phase !== 'ready') return this.close(CloseCode.Unauthorized, 'Unauthorized');
        return this.start(message.id, message.payload, this.state.caller);
      case 'complete':
        return this.stop(message.id);
    }
  }

  private initialise(connectionParams: Readonly<Record<string, unknown>> | undefined): void {
    if (this.state.phase !== 'awaitingInit')
      return this.close(CloseCode.TooManyInitialisationRequests, 'Too many initialisation requests');
    clearTimeout(this.state.initTimeout);
    this.state = { phase: 'authenticating' };
    this.peer.admit().then(
      (refusal) => {
        if (this.state.phase === 'closed') return;
        if (refusal === null) return this.authenticateInitially(connectionParams);
        this.settings.logger.debug({ reason: refusal }, 'graphql-ws connection rate limited');
        this.close(CloseCode.TooManyRequests, refusal);
      },
      (error: unknown) => {
        this.settings.logger.error({ err: error }, 'graphql-ws connection admission failed');
        this.close(CloseCode.InternalServerError, 'Internal server error');
      },
    );
  }

  private authenticateInitially(connectionParams: Readonly<Record<string, unknown>> | undefined): void {
    this.peer.authenticate(connectionParams).then(
      (caller) => {
        if (this.state.phase === 'closed') return;
        this.state = { phase: 'ready', caller, connectionParams };
        this.sendFrame('{"type":"connection_ack"}');
      },
      (error: unknown) => {
        this.settings.logger.debug({ err: error }, 'graphql-ws connection refused');
        this.close(CloseCode.Forbidden, 'Forbidden');
      },
    );
  }

  private start(id: string, payload: SubscribePayload, caller: Caller): void {
    if (this.operations.has(id))
      return this.close(CloseCode.SubscriberAlreadyExists, `Subscriber for ${id} already exists`);
    const { maxSubscriptionsPerConnection } = this.settings;
    if (this.operations.size >= maxSubscriptionsPerConnection) {
      this.settings.onSubscriptionCapReached();
      return this.sendFrame(
        encodeError(id, [
          {
            message: `At most ${maxSubscriptionsPerConnection} subscriptions per connection`,
            extensions: { code: ErrorCode.RATE_LIMITED },
          },
        ]),
      );
    }
    const prepared = this.settings.preparer.prepare(payload);
    switch (prepared.kind) {
      case 'invalid':
        // Shaped as over HTTP: validation, parse and variable errors as BAD_USER_INPUT.
        return this.sendFrame(encodeError(id, clientErrorsOf(prepared.errors, this.settings.logger)));
      case 'single':
        return this.execute(id, { schema: this.settings.subscriptions.schema, ...prepared }, caller);
      case 'subscription':
        return this.subscribeOnceAdmitted(id, { ...prepared, caller });
    }
  }

  /**
   * Opens a subscription once `admitSubscription` lets it (each one opens an upstream stream, so
   * each costs the caller a token as an HTTP operation does). Its id is held meanwhile: a
   * duplicate id and the per-connection cap count it, and a `complete` cancels it.
   */
  private subscribeOnceAdmitted(id: string, request: FederatedSubscribeRequest): void {
    const subscriber = new OperationSubscriber(this, id);
    this.operations.set(id, subscriber);
    this.settings.admitSubscription(request.caller).then(
      (refusal) => {
        if (this.operations.get(id) !== subscriber) return;
        if (refusal) {
          this.operations.delete(id);
          return this.sendFrame(encodeError(id, [refusal.toJSON()]));
        }
        try {
          subscriber.unsubscribe = this.settings.subscriptions.subscribe(request, subscriber);
        } catch (error) {
          this.operationEnded(subscriber, error);
        }
      },
      (error: unknown) => this.operationEnded(subscriber, error),
    );
  }

  private execute(id: string, args: ExecutionArgs, caller: Caller): void {
    const operation: SingleOperation = { id };
    this.operations.set(id, operation);
    const current = () => this.operations.get(id) === operation && this.operations.delete(id);
    this.settings.executeOperation(args, caller).then(
      (result) => {
        if (!current()) return;
        this.sendFrame(encodeNext(id, result));
        this.sendFrame(encodeComplete(id));
      },
      (error: unknown) => {
        if (current()) this.sendFrame(encodeError(id, this.errorsOf(error)));
      },
    );
  }

  /** The client completed an operation: stop it without answering (the protocol says so). */
  private stop(id: string): void {
    const operation = this.operations.get(id);
    this.operations.delete(id);
    if (operation instanceof OperationSubscriber) operation.unsubscribe?.();
  }

  /** Errors from subgraphs reach the client shaped as over HTTP; anything else is logged and masked. */
  private errorsOf(error: unknown): readonly GraphQLFormattedError[] {
    if (error instanceof SubgraphErrors) return clientErrorsOf(error.errors, this.settings.logger);
    this.settings.logger.error({ err: error }, 'graphql-ws operation failed');
    return [{ message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL } }];
  }

  private close(code: number, reason: string): void {
    if (this.state.phase === 'closed') return;
    this.socket.close(code, reason);
    this.closed();
  }
}
