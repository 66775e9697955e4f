import { CommandField as C, CommandKind, EVENT_SLOT_SIZE, MAX_SYMBOL_ID, snapshotSequence } from '../core/index.js';
import type { EventCounters } from '../metrics/eventCounters.js';
import { AccountDirectory } from './accountDirectory.js';
import { ClientOrderAnswerWriter } from './clientOrderAnswers.js';
import { CLIENT_ORDER_ID_HASH_FIELD, ClientOrderIds } from './clientOrderIds.js';
import { recallClientOrderIds } from './clientOrderRecovery.js';
import type { EventHistory } from './eventHistory.js';
import type { EventFilter, EventSubscriber } from './eventSubscribers.js';
import { InstrumentRegistry, type RegisteredInstrument } from './instrumentRegistry.js';
import { CancelAllEntry, CommandGroup, OrderCommandEntry, type OrderOutcome } from './outcomes.js';
import type { PendingEntry } from './pendingRequests.js';
import { shardOf } from './routing.js';
import { ShardOutputs } from './shardOutputs.js';
import { ShardPool, type RingOccupancy } from './shardPool.js';
import {
  EngineBusyError,
  EngineStoppedError,
  type DepthSnapshot,
  type NewOrder,
  type RiskLimitValues,
  type ShardedEngineOptions,
} from './engineTypes.js';
import { ShellCommandKind } from './workerProtocol.js';

export {
  EngineBusyError,
  EngineStoppedError,
  ShardFailedError,
  type DepthSnapshot,
  type NewOrder,
  type RiskLimitValues,
  type ShardedEngineOptions,
} from './engineTypes.js';

/** Each command slot's writer: fills the fields after kind/requestId/symbol/account/time. */
type SlotFiller = (slots: Float64Array, at: number) => void;

/**
 * The symbol id a CANCEL_ALL for an unknown symbol carries: no shard lists it (ids stop at
 * MAX_SYMBOL_ID), so the core rejects it UNKNOWN_SYMBOL; 0, which other commands use for an
 * unknown symbol, would mean every symbol of the shard.
 */
const UNLISTED_SYMBOL_ID = MAX_SYMBOL_ID + 1;

/**
 * The engine shell without a transport (the gRPC adapter is one thin client of it, like
 * graphql-ws's `makeServer`): routes commands by symbol to shard rings and assigns request ids,
 * order ids and timestamps; what comes back (events, history, quotes, waiting requests,
 * subscribers) is ShardOutputs' job. Everything runs on the main thread.
 */
export class ShardedEngine {
  readonly registry: InstrumentRegistry;
  readonly accounts = new AccountDirectory();
  private readonly pool: ShardPool;
  private readonly outputs: ShardOutputs;
  private readonly maxQueued: number;
  private readonly clientOrderIds = new ClientOrderIds();
  private nextRequestId = 1;
  private nextOrderId = 1;
  private lastTimestamp = 0;
  private stopped = false;
  private readonly heartbeat: NodeJS.Timeout | undefined;

  private constructor(pool: ShardPool, registry: InstrumentRegistry, options: ShardedEngineOptions) {
    this.pool = pool;
    this.registry = registry;
    this.outputs = new ShardOutputs(
      pool.shardCount,
      registry.instruments.length,
      options.historyPerShard ?? 100_000,
      (options.snapshots ?? []).map((snapshot) => (snapshot === undefined ? 0 : snapshotSequence(snapshot))),
    );
    this.maxQueued = options.maxQueuedCommands ?? 1_000_000;
    this.nextOrderId = options.firstOrderId ?? 1;
    this.nextRequestId = options.firstRequestId ?? 1;
    pool.listen(this.outputs);
    const heartbeatMs = options.heartbeatMs ?? 1_000;
    if (heartbeatMs > 0) {
      this.heartbeat = setInterval(() => this.advanceTime(), heartbeatMs);
      this.heartbeat.unref();
    }
  }

  /** Sends ADVANCE_TIME (every symbol) to each running shard; nothing waits for it. */
  private advanceTime(): void {
    if (this.stopped) return;
    for (let shard = 0; shard < this.pool.shardCount; shard++) {
      if (this.outputs.failureOf(shard) !== undefined || this.pool.writers[shard]!.queued > 0) continue;
      this.write(shard, CommandKind.ADVANCE_TIME, 0, 0, 0, () => undefined);
    }
    this.pool.flush();
  }

  /** Starts the shard workers with their instruments. */
  static async start(options: ShardedEngineOptions): Promise<ShardedEngine> {
    const registry = new InstrumentRegistry(options.instruments, options.shards);
    const pool = await ShardPool.start({
      shards: options.shards,
      waitStrategy: options.waitStrategy,
      instruments: registry.perShard(options.shards),
      logger: options.logger,
      ...(options.ringCapacity === undefined ? {} : { ringCapacity: options.ringCapacity }),
      ...(options.commandWriter === undefined ? {} : { commandWriter: options.commandWriter }),
      ...(options.snapshots === undefined ? {} : { snapshots: options.snapshots }),
      ...(options.onSnapshot === undefined ? {} : { onSnapshot: options.onSnapshot }),
    });
    return new ShardedEngine(pool, registry, options);
  }

  get shardCount(): number {
    return this.pool.shardCount;
  }

  /** Events by type and rejects by reason, counted as the main thread reads them. */
  get eventCounters(): EventCounters {
    return this.outputs.counters;
  }

  /** Slots of each ring (each direction). */
  get ringCapacity(): number {
    return this.pool.ringCapacity;
  }

  /** See ShardPool.ringOccupancy. */
  ringOccupancy(shard: number): RingOccupancy {
    return this.pool.ringOccupancy(shard);
  }

  /** Whether `shard`'s worker runs (false once it died, until the engine restarts). */
  isShardAlive(shard: number): boolean {
    return this.outputs.failureOf(shard) === undefined;
  }

  /** Each shard's retained events. */
  get histories(): readonly EventHistory[] {
    return this.outputs.histories;
  }

  /** Called once when a shard's worker dies (the gRPC adapter reports NOT_SERVING). */
  set onShardFailure(listener: (shard: number, error: Error) => void) {
    this.outputs.onShardFailure = listener;
  }

  /** The shard owning `symbol` (known or not: unknown symbols still route, to be rejected there). */
  shardOfSymbol(symbol: string): number {
    return this.registry.bySymbolName(symbol)?.shard ?? shardOf(symbol, this.pool.shardCount);
  }

  /**
   * Places a new order. With a client order id, a repeat of the same account and id (while the
   * pair is among the newest remembered, across restarts on a journal) gets the first
   * submission's answer and reaches no shard.
   */
  submitOrder(order: NewOrder): Promise<OrderOutcome> {
    const clientOrderId = order.clientOrderId ?? '';
    if (clientOrderId === '') return this.placeOrder(order, 0);
    return this.clientOrderIds.submitOnce(order.accountId, clientOrderId, (hash) => this.placeOrder(order, hash));
  }

  /** `clientOrderIdHash`: journaled in the SUBMIT slot (the core ignores the field), 0 = none. */
  private placeOrder(order: NewOrder, clientOrderIdHash: number): Promise<OrderOutcome> {
    const orderId = this.nextOrderId++;
    return this.orderCommand(CommandKind.SUBMIT, order.symbol, order.accountId, orderId, (slots, at) => {
      slots[at + C.SIDE] = order.side;
      slots[at + C.ORDER_TYPE] = order.orderType;
      slots[at + C.PRICE] = order.price;
      slots[at + C.QUANTITY] = order.quantity;
      slots[at + C.STP_MODE] = order.stpMode;
      slots[at + CLIENT_ORDER_ID_HASH_FIELD] = clientOrderIdHash;
    });
  }

  /**
   * Recovery, before the journal tails are replayed: remembers the client order id pairs stored
   * with each shard's snapshot (`snapshotAnswers[shard]`, from `clientOrderAnswers`) and those of
   * the SUBMITs in each shard's tail (`tails[shard]`, command slots). A tail SUBMIT's answer is
   * collected from the events its replay re-emits, so it is the first answer exactly. Pairs are
   * remembered in order id order, which is their first submissions' order.
   */
  recallClientOrderIds(snapshotAnswers: readonly Uint8Array[], tails: readonly Float64Array[]): void {
    recallClientOrderIds(this.clientOrderIds, this.accounts, (shard, entry) => this.track(shard, entry), snapshotAnswers, tails);
  }

  /**
   * The remembered client order id answers of `shard`'s orders, encoded for its snapshot; waits
   * for the answers in flight (the snapshot may overtake the events of its last commands).
   */
  async clientOrderAnswers(shard: number): Promise<Uint8Array> {
    const writer = new ClientOrderAnswerWriter(this.clientOrderIds.size);
    await this.clientOrderIds.forEachSettled(shard, (hash, outcome) => writer.add(hash, outcome));
    return writer.finish();
  }

  cancelOrder(symbol: string, accountId: string, orderId: number): Promise<OrderOutcome> {
    return this.orderCommand(CommandKind.CANCEL, symbol, accountId, orderId, () => undefined);
  }

  /** `newPrice` / `newQuantity` 0 = unchanged. */
  amendOrder(
    symbol: string,
    accountId: string,
    orderId: number,
    newPrice: number,
    newQuantity: number,
  ): Promise<OrderOutcome> {
    return this.orderCommand(CommandKind.AMEND, symbol, accountId, orderId, (slots, at) => {
      slots[at + C.NEW_PRICE] = newPrice;
      slots[at + C.NEW_QUANTITY] = newQuantity;
    });
  }

  /**
   * The kill switch: cancels every resting order of the account, in `symbol` (one CANCEL_ALL to its
   * shard) or, without a symbol, everywhere (a CANCEL_ALL for every symbol to each shard, all
   * shards or none taking it). Each shard cancels atomically, so no order placed before is missed.
   * Resolves with the outcome of each order event, in shard order then event order: one
   * ORDER_CANCELLED per cancelled order; a refused command (unknown symbol, invalid account; per
   * shard without a symbol) gives its ORDER_REJECTED outcome instead, a value as for other commands.
   */
  async cancelAllOrders(accountId: string, symbol?: string): Promise<OrderOutcome[]> {
    const account = this.accounts.idOf(accountId);
    const shards = symbol === undefined ? Array.from({ length: this.pool.shardCount }, (_, shard) => shard) : [this.shardOfSymbol(symbol)];
    const symbolId = symbol === undefined ? 0 : (this.registry.bySymbolName(symbol)?.symbolId ?? UNLISTED_SYMBOL_ID);
    // All shards or none: a refusal after some shards cancelled would leave the switch half thrown.
    for (const shard of shards) this.assertAccepting(shard);
    const entries = shards.map((shard) => {
      const entry = new CancelAllEntry(this.write(shard, CommandKind.CANCEL_ALL, symbolId, account, 0, () => undefined), shard);
      this.track(shard, entry);
      return entry;
    });
    this.pool.flush();
    return (await Promise.all(entries.map((entry) => entry.promise))).flat();
  }

  /** Sends the limits to every shard; resolves with the first reject reason, or 0 when all applied. */
  async setRiskLimits(accountId: string, limits: RiskLimitValues): Promise<number> {
    const account = accountId === '' ? 0 : this.accounts.idOf(accountId);
    // All shards or none: a refusal after some shards took the limits would leave them split.
    for (let shard = 0; shard < this.pool.shardCount; shard++) this.assertAccepting(shard);
    const group = new CommandGroup();
    for (let shard = 0; shard < this.pool.shardCount; shard++) {
      const requestId = this.write(shard, CommandKind.SET_RISK_LIMITS, 0, account, 0, (slots, at) => {
        slots[at + C.MAX_ORDER_QUANTITY] = limits.maxOrderQuantity;
        slots[at + C.MAX_ORDER_NOTIONAL] = limits.maxOrderNotional;
        slots[at + C.PRICE_BAND_BPS] = limits.priceBandBps;
        slots[at + C.MAX_OPEN_ORDERS] = limits.maxOpenOrders;
        slots[at + C.MAX_POSITION] = limits.maxPosition;
      });
      this.track(shard, group.entry(requestId, requestId));
    }
    this.pool.flush();
    await group.promise;
    return group.rejections.values().next().value ?? 0;
  }

  /** Records an external print; resolves with the reject reason, or 0 when applied. */
  async ingestTrade(
    symbol: string,
    price: number,
    quantity: number,
    aggressorSide: number,
    timestampMs: number,
  ): Promise<number> {
    const shard = this.shardOfSymbol(symbol);
    const group = new CommandGroup();
    const symbolId = this.registry.bySymbolName(symbol)?.symbolId ?? 0;
    const requestId = this.write(shard, CommandKind.INGEST_TRADE, symbolId, 0, 0, (slots, at) => {
      slots[at + C.SIDE] = aggressorSide;
      slots[at + C.PRICE] = price;
      slots[at + C.QUANTITY] = quantity;
      if (timestampMs > 0) slots[at + C.TIMESTAMP_MS] = timestampMs;
    });
    this.track(shard, group.entry(requestId, requestId));
    this.pool.flush();
    await group.promise;
    return group.rejections.get(requestId) ?? 0;
  }

  /** Reads up to `depth` levels per side, consistent with every command routed before. */
  orderBook(instrument: RegisteredInstrument, depth: number): Promise<DepthSnapshot> {
    this.assertRunning();
    const failed = this.outputs.failureOf(instrument.shard);
    if (failed !== undefined) return Promise.reject(failed);
    const requestId = this.nextRequestId++;
    const writer = this.pool.writers[instrument.shard]!;
    const at = writer.claimSlot();
    const slots = writer.target;
    slots.fill(0, at, at + EVENT_SLOT_SIZE);
    slots[at] = ShellCommandKind.QUERY_DEPTH;
    slots[at + 1] = requestId;
    slots[at + 2] = instrument.symbolId;
    slots[at + 3] = depth;
    const promise = this.outputs.awaitDepth(instrument.shard, requestId);
    writer.flush();
    return promise;
  }

  /** The symbol's last QUOTE event slot (all zero before the first). */
  quote(instrument: RegisteredInstrument): Float64Array {
    return this.outputs.quote(instrument.symbolId);
  }

  /**
   * Replays each shard's history from `fromSequences` (shard → first sequence) then delivers
   * live events, all synchronously on the main thread so nothing falls between replay and live.
   * Returns the shard whose history no longer reaches back far enough, or an unsubscribe function.
   */
  subscribe(
    fromSequences: ReadonlyMap<number, number>,
    filter: EventFilter,
    onEvent: EventSubscriber['onEvent'],
  ): (() => void) | { readonly outOfRange: number } {
    return this.outputs.subscribe(fromSequences, filter, onEvent);
  }

  /**
   * Sends a bulk batch of SUBMITs. `shardOfRecord(i)` names record i's shard; `fill(i, slots, at)`
   * writes its SYMBOL_ID, ACCOUNT_ID, SIDE, ORDER_TYPE, PRICE, QUANTITY and STP_MODE (no objects
   * per order). Order i gets id `firstOrderId + i`. Resolves with the reject reason per index.
   */
  async submitBatch(
    count: number,
    shardOfRecord: (i: number) => number,
    fill: (i: number, slots: Float64Array, at: number) => void,
  ): Promise<{ firstOrderId: number; rejections: Map<number, number> }> {
    this.assertRunning();
    const failed = this.outputs.anyFailure();
    if (failed !== undefined) throw failed;
    // Refused whole, before any id is taken, when a shard it goes to is too far behind.
    for (let i = 0; i < count; i++) {
      const shard = shardOfRecord(i);
      if (this.pool.writers[shard]!.queued > this.maxQueued) throw new EngineBusyError(shard);
    }
    const firstOrderId = this.nextOrderId;
    const firstRequestId = this.nextRequestId;
    this.nextOrderId += count;
    this.nextRequestId += count;
    const group = new CommandGroup();
    const firstPerShard = new Float64Array(this.pool.shardCount).fill(-1);
    const lastPerShard = new Float64Array(this.pool.shardCount);
    const timestamp = this.now();
    for (let i = 0; i < count; i++) {
      const shard = shardOfRecord(i);
      const writer = this.pool.writers[shard]!;
      const at = writer.claimSlot();
      const slots = writer.target;
      const requestId = firstRequestId + i;
      slots[at + C.KIND] = CommandKind.SUBMIT;
      slots[at + C.REQUEST_ID] = requestId;
      slots[at + C.ORDER_ID] = firstOrderId + i;
      slots[at + C.TIMESTAMP_MS] = timestamp;
      // Bulk orders have no client order id; a journaled writer's staged slot may hold an old value.
      slots[at + CLIENT_ORDER_ID_HASH_FIELD] = 0;
      fill(i, slots, at);
      if (firstPerShard[shard] === -1) firstPerShard[shard] = requestId;
      lastPerShard[shard] = requestId;
    }
    for (let shard = 0; shard < this.pool.shardCount; shard++) {
      const first = firstPerShard[shard]!;
      if (first !== -1) this.track(shard, group.entry(first, lastPerShard[shard]!));
    }
    group.seal();
    this.pool.flush();
    await group.promise;
    const rejections = new Map<number, number>();
    for (const [requestId, reason] of group.rejections) rejections.set(requestId - firstRequestId, reason);
    return { firstOrderId, rejections };
  }

  /** Resolves when no shard has commands queued behind a full ring (streams await this before reading more). */
  async drained(): Promise<void> {
    await Promise.all(this.pool.writers.map((writer) => writer.drained()));
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    clearInterval(this.heartbeat);
    await this.pool.stop();
    this.outputs.failAll(new EngineStoppedError());
  }

  private orderCommand(
    kind: number,
    symbol: string,
    accountId: string,
    orderId: number,
    fill: SlotFiller,
  ): Promise<OrderOutcome> {
    try {
      return this.sendOrderCommand(kind, symbol, accountId, orderId, fill);
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  private sendOrderCommand(
    kind: number,
    symbol: string,
    accountId: string,
    orderId: number,
    fill: SlotFiller,
  ): Promise<OrderOutcome> {
    const shard = this.shardOfSymbol(symbol);
    const symbolId = this.registry.bySymbolName(symbol)?.symbolId ?? 0;
    const account = this.accounts.idOf(accountId);
    const requestId = this.write(shard, kind, symbolId, account, orderId, fill);
    const entry = new OrderCommandEntry(requestId, shard, orderId, symbolId, account);
    this.track(shard, entry);
    this.pool.writers[shard]!.flush();
    return entry.promise;
  }

  /** Writes one command slot (not yet published); returns its request id. */
  private write(
    shard: number,
    kind: number,
    symbolId: number,
    accountId: number,
    orderId: number,
    fill: SlotFiller,
  ): number {
    this.assertAccepting(shard);
    const writer = this.pool.writers[shard]!;
    const requestId = this.nextRequestId++;
    const at = writer.claimSlot();
    const slots = writer.target;
    slots.fill(0, at, at + EVENT_SLOT_SIZE);
    slots[at + C.KIND] = kind;
    slots[at + C.REQUEST_ID] = requestId;
    slots[at + C.SYMBOL_ID] = symbolId;
    slots[at + C.ACCOUNT_ID] = accountId;
    slots[at + C.ORDER_ID] = orderId;
    slots[at + C.TIMESTAMP_MS] = this.now();
    fill(slots, at);
    return requestId;
  }

  private track(shard: number, entry: PendingEntry): void {
    this.outputs.track(shard, entry);
  }

  /** Milliseconds since the epoch, never going backwards (the core rejects a clock that does). */
  private now(): number {
    const now = Date.now();
    if (now > this.lastTimestamp) this.lastTimestamp = now;
    return this.lastTimestamp;
  }

  private assertRunning(): void {
    if (this.stopped) throw new EngineStoppedError();
  }

  /** Throws unless `shard` may take a command now: engine running, shard alive, not too far behind. */
  private assertAccepting(shard: number): void {
    this.assertRunning();
    const failed = this.outputs.failureOf(shard);
    if (failed !== undefined) throw failed;
    if (this.pool.writers[shard]!.queued > this.maxQueued) throw new EngineBusyError(shard);
  }
}
