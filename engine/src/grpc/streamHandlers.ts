import { status } from '@grpc/grpc-js';
import type { Logger } from 'pino';
import { CommandField as C, CommandKind } from '../core/index.js';
import type { CommandCounters } from '../metrics/commandCounters.js';
import type { ShardedEngine } from '../shard/shardedEngine.js';
import { decodePrint } from './externalTrades.js';
import type { ExternalTrade__Output } from './generated/mib/engine/v1/ExternalTrade.js';
import type { MatchingEngineHandlers } from './generated/mib/engine/v1/MatchingEngine.js';
import type { OrderBatch__Output } from './generated/mib/engine/v1/OrderBatch.js';
import type { OrderBatchResult } from './generated/mib/engine/v1/OrderBatchResult.js';
import { ORDER_RECORD_BYTES, OrderRecordOffset as R, recordView } from './orderBatchRecords.js';
import { isMalformed, malformedStatus } from './malformedMessages.js';
import { failure, invalid, rejected, type ServiceError } from './serviceErrors.js';
import { eventKindToSlot, type WireMessages } from './wireMessages.js';

type StreamHandlers = Pick<MatchingEngineHandlers, 'SubmitOrders' | 'StreamEvents' | 'IngestTrades'>;

/** Most orders in one OrderBatch. */
export const MAX_BATCH_ORDERS = 65_536;
/** Batches a SubmitOrders stream may have in flight before the server stops reading it. */
const MAX_BATCHES_IN_FLIGHT = 32;
/** Events buffered for a StreamEvents client before it is cut off as too slow. */
const MAX_BUFFERED_EVENTS = 200_000;

/**
 * The streaming methods: bulk orders, the event stream, external prints. `commands` counts the
 * commands answered by kind and outcome: per batch for SubmitOrders, never per order.
 */
export function streamHandlers(
  engine: ShardedEngine,
  wire: WireMessages,
  logger: Logger,
  commands: CommandCounters,
): StreamHandlers & { endEventStreams(): void } {
  /** Open StreamEvents calls, ended with UNAVAILABLE on shutdown (they never end by themselves). */
  const eventStreams = new Set<{ end(): void }>();

  /** Routes one batch; throws a status-like error for a malformed batch. */
  function submitBatch(batch: OrderBatch__Output): Promise<OrderBatchResult> {
    commands.orderBatches++;
    const bytes = batch.orders;
    if (bytes.length % ORDER_RECORD_BYTES !== 0) throw invalid(status.INVALID_ARGUMENT, `orders must be a whole number of ${ORDER_RECORD_BYTES}-byte records, got ${bytes.length} bytes`);
    const count = bytes.length / ORDER_RECORD_BYTES;
    if (count > MAX_BATCH_ORDERS) throw invalid(status.INVALID_ARGUMENT, `at most ${MAX_BATCH_ORDERS} orders per batch, got ${count}`);
    // Resolve the dictionaries once; an index outside them becomes id 0, which the core rejects.
    const symbols = batch.symbols.map((symbol) => engine.registry.bySymbolName(symbol));
    const symbolShards = batch.symbols.map((symbol) => engine.shardOfSymbol(symbol));
    const accountIds = batch.accountIds.map((account) => engine.accounts.idOf(account));
    const view = recordView(bytes);
    const shardOfRecord = (i: number): number => symbolShards[view.getUint16(i * ORDER_RECORD_BYTES + R.SYMBOL_INDEX, true)] ?? 0;
    const fill = (i: number, slots: Float64Array, at: number): void => {
      const o = i * ORDER_RECORD_BYTES;
      slots[at + C.SYMBOL_ID] = symbols[view.getUint16(o + R.SYMBOL_INDEX, true)]?.symbolId ?? 0;
      slots[at + C.ACCOUNT_ID] = accountIds[view.getUint16(o + R.ACCOUNT_INDEX, true)] ?? 0;
      slots[at + C.SIDE] = view.getUint8(o + R.SIDE);
      slots[at + C.ORDER_TYPE] = view.getUint8(o + R.ORDER_TYPE);
      slots[at + C.PRICE] = view.getFloat64(o + R.PRICE, true);
      slots[at + C.QUANTITY] = view.getFloat64(o + R.QUANTITY, true);
      slots[at + C.STP_MODE] = view.getUint8(o + R.STP_MODE);
    };
    const submitted = engine.submitBatch(count, shardOfRecord, fill);
    submitted.catch(() => commands.add(CommandKind.SUBMIT, 'failed', count));
    return submitted.then(({ firstOrderId, rejections }) => {
      commands.add(CommandKind.SUBMIT, 'accepted', count - rejections.size);
      commands.add(CommandKind.SUBMIT, 'rejected', rejections.size);
      return {
        batchId: batch.batchId,
        firstOrderId: String(firstOrderId),
        accepted: count - rejections.size,
        rejected: rejections.size,
        rejectIndexes: [...rejections.keys()],
        rejectCodes: [...rejections.values()],
      };
    });
  }

  return {
    endEventStreams: () => {
      for (const stream of eventStreams) stream.end();
    },

    SubmitOrders: (call) => {
      let inFlight = 0;
      let reading = true;
      let ended = false;
      let failed = false;
      /** Set by a bad batch: nothing after it is read; its status follows the answers before it. */
      let stopped = false;
      // Results (and a failure) go out in batch order even when a later batch (other shards)
      // finishes first: a client told of a failure has been told of every batch that ran before.
      let previous: Promise<unknown> = Promise.resolve();
      const fail = (error: unknown): void => {
        if (failed) return;
        failed = true;
        call.emit('error', 'code' in (error as object) ? error : failure(error));
      };
      const failInOrder = (error: unknown): void => {
        stopped = true;
        previous = previous.then(() => fail(error));
      };
      const throttle = (): void => {
        const shouldRead = inFlight < MAX_BATCHES_IN_FLIGHT;
        if (shouldRead && !reading) call.resume();
        if (!shouldRead && reading) call.pause();
        reading = shouldRead;
      };
      call.on('data', (batch: OrderBatch__Output) => {
        if (failed || stopped) return;
        if (isMalformed(batch)) return failInOrder(malformedStatus('SubmitOrders', batch));
        let result: Promise<OrderBatchResult>;
        try {
          result = submitBatch(batch);
        } catch (error) {
          return failInOrder(error);
        }
        inFlight++;
        throttle();
        const answer = Promise.all([result, engine.drained()]).then(([message]) => ({ message }), (error: unknown) => ({ error }));
        previous = Promise.all([answer, previous]).then(([outcome]) => {
          inFlight--;
          if ('error' in outcome) return fail(outcome.error);
          if (!failed) call.write(outcome.message);
          throttle();
          if (ended && inFlight === 0 && !failed && !stopped) call.end();
        });
      });
      call.on('end', () => {
        ended = true;
        if (inFlight === 0 && !failed && !stopped) call.end();
      });
    },

    StreamEvents: (call) => {
      const r = call.request;
      const fromSequences = new Map<number, number>();
      for (const [shardText, sequence] of Object.entries(r.fromSequences)) {
        const shard = Number(shardText);
        if (!(shard >= 0 && shard < engine.shardCount)) return void call.emit('error', invalid(status.INVALID_ARGUMENT, `shard ${shardText} does not exist (shards: 0–${engine.shardCount - 1})`));
        fromSequences.set(shard, Number(sequence));
      }
      const symbolIds = new Set<number>();
      for (const symbol of r.symbols) {
        const instrument = engine.registry.bySymbolName(symbol);
        if (instrument === undefined) return void call.emit('error', invalid(status.NOT_FOUND, `UNKNOWN_SYMBOL: no instrument "${symbol}"`));
        symbolIds.add(instrument.symbolId);
      }
      const types = new Set(r.kinds.map(eventKindToSlot));
      if ([...types].some((type) => !(type >= 1))) return void call.emit('error', invalid(status.INVALID_ARGUMENT, 'unknown event kind in kinds'));
      const accountIds = new Set(r.accountIds.map((account) => engine.accounts.idOf(account)));
      const subscription: { unsubscribe?: () => void; cutOff?: boolean } = {};
      const result = engine.subscribe(fromSequences, { symbolIds, accountIds, types }, (shard, slots, at) => {
        if (subscription.cutOff === true) return;
        if (call.writableLength > MAX_BUFFERED_EVENTS) {
          subscription.cutOff = true;
          subscription.unsubscribe?.();
          const details = `subscriber too slow: more than ${MAX_BUFFERED_EVENTS} events buffered; resume from shard ${shard} sequence ${slots[at + 1] ?? 0}`;
          call.emit('error', invalid(status.RESOURCE_EXHAUSTED, details));
          return;
        }
        call.write(wire.event(shard, slots, at));
      });
      if (typeof result !== 'function') {
        const history = engine.histories[result.outOfRange];
        const details = `shard ${result.outOfRange} keeps events from sequence ${history?.oldestSequence ?? 0}; older ones are gone`;
        return void call.emit('error', invalid(status.OUT_OF_RANGE, details));
      }
      subscription.unsubscribe = result;
      const stream = {
        end: () => {
          result();
          call.emit('error', invalid(status.UNAVAILABLE, 'engine shutting down'));
        },
      };
      eventStreams.add(stream);
      const forget = (): void => {
        result();
        eventStreams.delete(stream);
      };
      call.on('cancelled', forget);
      call.on('close', forget);
    },

    IngestTrades: (call, callback) => {
      const outcomes: Promise<void>[] = [];
      let accepted = 0;
      /**
       * The first bad print (lowest index) or failure. Reading stops there; the call fails once
       * every print already sent to a shard has run, saying how many of them were applied.
       */
      let problem: { index: number; error: ServiceError } | undefined;
      let answered = false;
      const answer = (): void => {
        if (answered) return;
        answered = true;
        void Promise.all(outcomes).then(() => {
          if (problem === undefined) return callback(null, { accepted: String(accepted) });
          const applied = `applied ${accepted} of the ${outcomes.length} trades received; none after them was read`;
          callback({ ...problem.error, details: `${problem.error.details}; ${applied}` });
        });
      };
      const fail = (index: number, error: ServiceError): void => {
        if (problem === undefined || index < problem.index) problem = { index, error };
        answer();
      };
      call.on('data', (trade: ExternalTrade__Output) => {
        if (problem !== undefined) return;
        const index = outcomes.length;
        if (isMalformed(trade)) return fail(index, malformedStatus('IngestTrades', trade));
        const print = decodePrint(trade, Date.now());
        // Refused before any shard sees it, so nothing changes (no command, no event).
        if ('problem' in print) return fail(index, invalid(status.INVALID_ARGUMENT, `external trade ${index} on "${trade.symbol}": ${print.problem}`));
        const pending = engine
          .ingestTrade(trade.symbol, print.price, print.quantity, print.aggressorSide, print.timestampMs)
          .then((reason) => {
            commands.add(CommandKind.INGEST_TRADE, reason === 0 ? 'accepted' : 'rejected');
            if (reason === 0) accepted++;
            else fail(index, rejected(reason, `external trade ${index} on "${trade.symbol}": price "${trade.price}" quantity "${trade.quantity}"`));
          }, (error: unknown) => {
            commands.add(CommandKind.INGEST_TRADE, 'failed');
            fail(index, failure(error));
          });
        outcomes.push(pending);
      });
      call.on('end', answer);
      call.on('error', (error) => logger.debug({ err: error }, 'IngestTrades stream failed'));
    },
  };
}
