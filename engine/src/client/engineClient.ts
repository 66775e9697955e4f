import { credentials, type CallOptions, type ChannelOptions, type ClientDuplexStream, type ServiceError } from '@grpc/grpc-js';
import type { AmendOrderRequest } from '../grpc/generated/mib/engine/v1/AmendOrderRequest.js';
import type { CancelAllOrdersRequest } from '../grpc/generated/mib/engine/v1/CancelAllOrdersRequest.js';
import type { CancelAllOrdersResponse__Output } from '../grpc/generated/mib/engine/v1/CancelAllOrdersResponse.js';
import type { CancelOrderRequest } from '../grpc/generated/mib/engine/v1/CancelOrderRequest.js';
import type { Event__Output } from '../grpc/generated/mib/engine/v1/Event.js';
import type { ExternalTrade } from '../grpc/generated/mib/engine/v1/ExternalTrade.js';
import type { Instrument__Output } from '../grpc/generated/mib/engine/v1/Instrument.js';
import type { MatchingEngineClient } from '../grpc/generated/mib/engine/v1/MatchingEngine.js';
import type { OrderBatch } from '../grpc/generated/mib/engine/v1/OrderBatch.js';
import type { OrderBatchResult__Output } from '../grpc/generated/mib/engine/v1/OrderBatchResult.js';
import type { OrderBook__Output } from '../grpc/generated/mib/engine/v1/OrderBook.js';
import type { OrderReport__Output } from '../grpc/generated/mib/engine/v1/OrderReport.js';
import type { Quote__Output } from '../grpc/generated/mib/engine/v1/Quote.js';
import type { RiskLimits, RiskLimits__Output } from '../grpc/generated/mib/engine/v1/RiskLimits.js';
import type { StreamEventsRequest } from '../grpc/generated/mib/engine/v1/StreamEventsRequest.js';
import type { SubmitOrderRequest } from '../grpc/generated/mib/engine/v1/SubmitOrderRequest.js';
import { loadEngineProto, loadHealthProto } from '../grpc/loadProtos.js';
import { tracingEnabled } from '@mib/telemetry';
import { clientTracingInterceptor } from './clientTracing.js';
import { EngineRequestError, rejectionOf, type EngineRejection } from './engineErrors.js';

/** What an order command came to: the order's report, or the engine's refusal as a value. */
export type OrderResult = { readonly kind: 'accepted'; readonly report: OrderReport__Output } | { readonly kind: 'rejected'; readonly rejection: EngineRejection };

export interface EngineClientOptions {
  /** Deadline of each unary call. Default 5 000 ms. */
  readonly deadlineMs?: number;
  /** Extra channel options. */
  readonly channelOptions?: ChannelOptions;
}

/**
 * Channel options. `grpc.per_rpc_retry_buffer_size` small: measured here, grpc-js 1.14 buffers
 * every message of a long client stream for possible retries and slows down quadratically unless
 * that buffer is capped (1–4 KiB); the cap only disables retries of large streams.
 */
const CHANNEL_OPTIONS: ChannelOptions = {
  'grpc.per_rpc_retry_buffer_size': 4096,
  'grpc.max_receive_message_length': 64 * 1024 * 1024,
  'grpc.max_send_message_length': 64 * 1024 * 1024,
};

/** A bulk order stream: `submit` resolves with each batch's result, in order. */
export interface OrderStream {
  submit(batch: OrderBatch): Promise<OrderBatchResult__Output>;
  /** Half-closes the stream and resolves when the server has answered every batch. */
  end(): Promise<void>;
}

/** Typed client of the engine's gRPC API, for the subgraphs, the simulator and tests. */
export class EngineClient {
  private readonly client: MatchingEngineClient;
  private readonly deadlineMs: number;
  private readonly address: string;

  /**
   * `address` is `host:port`, e.g. `127.0.0.1:50052`. Each call is a client span when tracing was
   * started (`startTracing`) before the client was made.
   */
  constructor(address: string, options: EngineClientOptions = {}) {
    this.address = address;
    const Constructor = loadEngineProto().mib.engine.v1.MatchingEngine;
    this.client = new Constructor(address, credentials.createInsecure(), {
      ...CHANNEL_OPTIONS,
      ...options.channelOptions,
      ...(tracingEnabled() ? { interceptors: [clientTracingInterceptor(address)] } : {}),
    });
    this.deadlineMs = options.deadlineMs ?? 5_000;
  }

  /**
   * Places an order. Give `clientOrderId` (1–64 characters of [A-Za-z0-9._:-]) to make it safe to
   * retry after a deadline or a lost answer: the engine answers a repeat of the same account and
   * id with the first order (while it runs; see PROTOCOL.md). An invalid id throws
   * EngineRequestError (INVALID_ARGUMENT).
   */
  submitOrder(request: SubmitOrderRequest): Promise<OrderResult> {
    return this.orderCall((callback) => this.client.SubmitOrder(request, this.callOptions(), callback));
  }

  cancelOrder(request: CancelOrderRequest): Promise<OrderResult> {
    return this.orderCall((callback) => this.client.CancelOrder(request, this.callOptions(), callback));
  }

  /**
   * The kill switch: cancels every resting order of `accountId`, in `symbol` or in every symbol
   * when it is empty, atomically per shard. Resolves with a report (status CANCELLED) per cancelled
   * order, none when nothing rested. Throws EngineRequestError: INVALID_ARGUMENT for an empty
   * account id, NOT_FOUND for an unknown symbol; a refused call cancels nothing.
   */
  async cancelAllOrders(request: CancelAllOrdersRequest): Promise<OrderReport__Output[]> {
    const response = await this.unary<CancelAllOrdersResponse__Output>((callback) => this.client.CancelAllOrders(request, this.callOptions(), callback));
    return response.cancelled;
  }

  amendOrder(request: AmendOrderRequest): Promise<OrderResult> {
    return this.orderCall((callback) => this.client.AmendOrder(request, this.callOptions(), callback));
  }

  /** Up to `depth` levels per side (default 10). */
  getOrderBook(symbol: string, depth = 0): Promise<OrderBook__Output> {
    return this.unary((callback) => this.client.GetOrderBook({ symbol, depth }, this.callOptions(), callback));
  }

  getQuote(symbol: string): Promise<Quote__Output> {
    return this.unary((callback) => this.client.GetQuote({ symbol }, this.callOptions(), callback));
  }

  /** Throws EngineRequestError (INVALID_ARGUMENT) for invalid limits. */
  setRiskLimits(limits: RiskLimits): Promise<RiskLimits__Output> {
    return this.unary((callback) => this.client.SetRiskLimits({ limits }, this.callOptions(), callback));
  }

  async listInstruments(): Promise<Instrument__Output[]> {
    const response = await this.unary<{ instruments: Instrument__Output[] }>((callback) => this.client.ListInstruments({}, this.callOptions(), callback));
    return response.instruments;
  }

  /**
   * Engine events as an async iterator; `break` (or `signal`) cancels the stream. A failed stream
   * (bad request, sequence too old, slow consumer) throws EngineRequestError from the loop.
   */
  async *streamEvents(request: StreamEventsRequest = {}, signal?: AbortSignal): AsyncGenerator<Event__Output> {
    const call = this.client.StreamEvents(request);
    const cancel = (): void => call.cancel();
    signal?.addEventListener('abort', cancel, { once: true });
    try {
      for await (const event of call) yield event as Event__Output;
    } catch (error) {
      if (signal?.aborted === true) return;
      throw new EngineRequestError(error as ServiceError);
    } finally {
      signal?.removeEventListener('abort', cancel);
      call.cancel();
    }
  }

  /** Opens a bulk stream; keep several batches in flight for throughput. */
  submitOrders(): OrderStream {
    const call: ClientDuplexStream<OrderBatch, OrderBatchResult__Output> = this.client.SubmitOrders();
    const waiting: { resolve(result: OrderBatchResult__Output): void; reject(error: Error): void }[] = [];
    let failure: Error | undefined;
    const ended = new Promise<void>((resolve) => call.on('end', resolve));
    call.on('data', (result: OrderBatchResult__Output) => waiting.shift()?.resolve(result));
    call.on('error', (error: ServiceError) => {
      failure = new EngineRequestError(error);
      for (const pending of waiting.splice(0)) pending.reject(failure);
    });
    return {
      submit: (batch) =>
        new Promise((resolve, reject) => {
          if (failure !== undefined) return reject(failure);
          waiting.push({ resolve, reject });
          call.write(batch);
        }),
      end: async () => {
        call.end();
        if (failure === undefined) await Promise.race([ended, new Promise<void>((resolve) => call.on('error', () => resolve()))]);
        if (failure !== undefined) throw failure;
      },
    };
  }

  /** Sends external prints; resolves with how many were applied. */
  ingestTrades(trades: Iterable<ExternalTrade>): Promise<number> {
    return new Promise((resolve, reject) => {
      const call = this.client.IngestTrades((error, summary) => {
        if (error !== null) reject(new EngineRequestError(error));
        else resolve(Number(summary?.accepted ?? 0));
      });
      for (const trade of trades) call.write(trade);
      call.end();
    });
  }

  /** grpc.health.v1 Check: `SERVING` once the engine accepts calls ('' = the whole server). */
  checkHealth(service = ''): Promise<string> {
    const Health = loadHealthProto().grpc.health.v1.Health;
    const health = new Health(this.address, credentials.createInsecure());
    return this.unary<{ status: string }>((callback) => health.Check({ service }, this.callOptions(), callback))
      .then((response) => response.status)
      .finally(() => health.close());
  }

  close(): void {
    this.client.close();
  }

  private callOptions(): CallOptions {
    return { deadline: Date.now() + this.deadlineMs };
  }

  private unary<T>(start: (callback: (error: ServiceError | null, value?: T) => void) => void): Promise<T> {
    return new Promise((resolve, reject) => {
      start((error, value) => {
        if (error !== null) reject(new EngineRequestError(error));
        else resolve(value as T);
      });
    });
  }

  private orderCall(start: (callback: (error: ServiceError | null, value?: OrderReport__Output) => void) => void): Promise<OrderResult> {
    return new Promise((resolve, reject) => {
      start((error, report) => {
        if (error === null) return resolve({ kind: 'accepted', report: report as OrderReport__Output });
        const rejection = rejectionOf(error);
        if (rejection === undefined) reject(new EngineRequestError(error));
        else resolve({ kind: 'rejected', rejection });
      });
    });
  }
}
