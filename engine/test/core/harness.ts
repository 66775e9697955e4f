import {
  EventBuffer, OrderType, Shard, Side, StpMode, decodeEvents, encodeAddInstrument, encodeAdvanceTime, encodeAmend, encodeCancel, encodeCancelAll,
  encodeIngestTrade, encodeSetRiskLimits, encodeSubmit, type EngineEvent, type OrderEvent, type RiskLimits, type ShardOptions,
} from '../../src/core/index.js';

export const SYMBOL = 7;
/** Tick 0.01 and lot 1 in 1e-8 units. */
export const TICK = 1_000_000;
export const LOT = 100_000_000;
export const NO_LIMITS: RiskLimits = { maxOrderQuantity: 0, maxOrderNotional: 0, priceBandBps: 0, maxOpenOrders: 0, maxPosition: 0 };

export interface SubmitArgs {
  account?: number;
  orderId?: number;
  side: Side;
  type?: OrderType;
  /** In ticks. */
  price?: number;
  /** In lots. */
  quantity: number;
  stp?: StpMode;
  ts?: number;
}

/**
 * A shard with one symbol and helpers speaking ticks and lots, returning the decoded events of
 * each command. Also checks the book's invariants after every command (like exchange-core's
 * OrderBookBaseTest): levels sorted, not crossed, level totals equal their orders' sum.
 */
export class ShardHarness {
  readonly shard: Shard;
  private readonly commands = new Float64Array(16);
  private readonly out = new EventBuffer(64);
  private nextOrderId = 1;
  private requestId = 0;
  now = 1_700_000_000_000;

  // A 32-slot id window and 4 overflow slots: most tests then reach the overflow slots and their growth.
  constructor(options: ShardOptions = { defaultRiskLimits: NO_LIMITS, initialOrderCapacity: 4, initialLevelCapacity: 2, orderIdWindowBits: 5 }) {
    this.shard = new Shard([{ symbolId: SYMBOL, tickSize: TICK, lotSize: LOT }], options);
  }

  private run(): EngineEvent[] {
    this.out.count = 0;
    this.shard.execute(this.commands, 0, this.out);
    checkBookInvariants(this.shard);
    return decodeEvents(this.out.slots, this.out.count);
  }

  submit(args: SubmitArgs): EngineEvent[] {
    const orderId = args.orderId ?? this.nextOrderId++;
    encodeSubmit(this.commands, 0, ++this.requestId, SYMBOL, args.account ?? 1, orderId, args.side, args.type ?? OrderType.LIMIT,
      (args.price ?? 0) * TICK, args.quantity * LOT, args.stp ?? StpMode.NONE, args.ts ?? this.now);
    return this.run();
  }

  /** Raw SUBMIT with values in 1e-8 units (for bad input). */
  submitRaw(account: number, orderId: number, side: number, type: number, price: number, quantity: number, stp = 0, symbolId = SYMBOL): EngineEvent[] {
    encodeSubmit(this.commands, 0, ++this.requestId, symbolId, account, orderId, side, type, price, quantity, stp, this.now);
    return this.run();
  }

  cancel(orderId: number, account = 1): EngineEvent[] {
    encodeCancel(this.commands, 0, ++this.requestId, SYMBOL, account, orderId, this.now);
    return this.run();
  }

  /** CANCEL_ALL of `account`'s resting orders in `symbolId` (0 = every symbol of the shard). */
  cancelAll(account: number, symbolId = SYMBOL, ts = this.now): EngineEvent[] {
    encodeCancelAll(this.commands, 0, ++this.requestId, symbolId, account, ts);
    return this.run();
  }

  /** Lists another instrument with the same tick and lot as SYMBOL. */
  addInstrument(symbolId: number): EngineEvent[] {
    encodeAddInstrument(this.commands, 0, ++this.requestId, symbolId, TICK, LOT, this.now);
    return this.run();
  }

  /** Price in ticks, quantity in lots; 0 = unchanged. */
  amend(orderId: number, price: number, quantity: number, account = 1): EngineEvent[] {
    encodeAmend(this.commands, 0, ++this.requestId, SYMBOL, account, orderId, price * TICK, quantity * LOT, this.now);
    return this.run();
  }

  setLimits(account: number, limits: Partial<RiskLimits>): EngineEvent[] {
    const l = { ...NO_LIMITS, ...limits };
    encodeSetRiskLimits(this.commands, 0, ++this.requestId, 0, account, l.maxOrderQuantity, l.maxOrderNotional, l.priceBandBps, l.maxOpenOrders, l.maxPosition, this.now);
    return this.run();
  }

  ingestTrade(price: number, quantity: number, ts = this.now): EngineEvent[] {
    encodeIngestTrade(this.commands, 0, ++this.requestId, SYMBOL, Side.BUY, price * TICK, quantity * LOT, ts);
    return this.run();
  }

  advanceTime(ts: number, symbolId = SYMBOL): EngineEvent[] {
    encodeAdvanceTime(this.commands, 0, ++this.requestId, symbolId, ts);
    return this.run();
  }

  /** Resting orders as [orderId, price in ticks, open lots], priority order. */
  book(side: Side): [number, number, number][] {
    return this.shard.restingOrders(SYMBOL, side).map((o) => [o.orderId, o.price / TICK, o.leaves / LOT]);
  }
}

/** The decoded event type carrying `type` (order events share one shape). */
export type EventOf<T extends EngineEvent['type']> = T extends OrderEvent['type'] ? OrderEvent : Extract<EngineEvent, { type: T }>;

export function ofType<T extends EngineEvent['type']>(events: EngineEvent[], type: T): EventOf<T>[] {
  return events.filter((e): e is EventOf<T> => e.type === type);
}

export function rejection(events: EngineEvent[]): number | undefined {
  const rejected = events.find((e): e is OrderEvent => e.type === 'ORDER_REJECTED');
  return rejected?.reason;
}

const MAX_CHECKED_LEVELS = 4096;
const depthScratch = new Float64Array(3 * MAX_CHECKED_LEVELS);
const quoteScratch = new Float64Array(8);

/** Throws when a book invariant is broken (and when risk bookkeeping disagrees with the books). */
export function checkBookInvariants(shard: Shard): void {
  const state = shard.state;
  for (const symbolId of shard.symbolIds()) {
    for (const side of [Side.BUY, Side.SELL] as const) {
      const orders = shard.restingOrders(symbolId, side);
      const levelCount = shard.readDepth(symbolId, side, MAX_CHECKED_LEVELS, depthScratch);
      const depth = depthScratch;
      let index = 0;
      for (let l = 0; l < levelCount; l++) {
        const price = depth[l * 3]!;
        if (l > 0 && (side === Side.BUY ? price >= depth[(l - 1) * 3]! : price <= depth[(l - 1) * 3]!)) throw new Error(`levels out of order at ${price}`);
        let sum = 0;
        for (let n = 0; n < depth[l * 3 + 2]!; n++) {
          const order = orders[index++];
          if (order?.price !== price) throw new Error(`order count mismatch at ${price}`);
          if (!(order.leaves > 0)) throw new Error(`empty resting order ${order.orderId}`);
          sum += order.leaves;
        }
        if (sum !== depth[l * 3 + 1]) throw new Error(`level quantity ${depth[l * 3 + 1]} != orders' ${sum} at ${price}`);
      }
      if (levelCount < MAX_CHECKED_LEVELS && index !== orders.length) throw new Error('orders outside levels');
    }
    const quote = quoteScratch;
    shard.readQuote(symbolId, quote);
    if (quote[0]! > 0 && quote[2]! > 0 && quote[0]! >= quote[2]!) throw new Error(`crossed book ${quote[0]} >= ${quote[2]}`);
  }
  let slotsInUse = 0;
  state.orders.forEach((id, slot) => {
    slotsInUse++;
    if (state.orders.find(Float64Array.of(id), 0) !== slot) throw new Error(`order ${id} in slot ${slot} not found by its id`);
    if (state.orders.level(slot) === -1) throw new Error(`order ${id} holds a slot but does not rest`);
  });
  if (slotsInUse !== state.orders.used) throw new Error(`order slots in use ${slotsInUse} != ${state.orders.used}`);
  checkRiskBookkeeping(shard);
}

/**
 * Throws when the risk tables' open order counts (per account, per account × symbol × side) or
 * open quantities differ from a recount of the books' resting orders.
 */
export function checkRiskBookkeeping(shard: Shard): void {
  const risk = shard.state.risk;
  const openOrders = new Map<number, number>();
  const openQuantity = new Map<string, number>();
  const openOrdersOnSide = new Map<string, number>();
  for (const symbolId of shard.symbolIds()) {
    for (const side of [Side.BUY, Side.SELL] as const) {
      for (const o of shard.restingOrders(symbolId, side)) {
        openOrders.set(o.accountId, (openOrders.get(o.accountId) ?? 0) + 1);
        const key = `${o.accountId}/${symbolId}/${side}`;
        openQuantity.set(key, (openQuantity.get(key) ?? 0) + o.leaves);
        openOrdersOnSide.set(key, (openOrdersOnSide.get(key) ?? 0) + 1);
      }
    }
  }
  for (let a = 0; a < risk.accountCount; a++) {
    const accountId = risk.accountIds[a]!;
    if (risk.openOrders[a] !== (openOrders.get(accountId) ?? 0)) throw new Error(`account ${accountId}: ${risk.openOrders[a]} open orders counted, ${openOrders.get(accountId) ?? 0} on the books`);
  }
  for (let p = 0; p < risk.positionCount; p++) {
    const prefix = `${risk.accountIds[risk.positionAccount[p]!]}/${shard.state.symbolIds[risk.positionSymbol[p]!]}`;
    if (risk.openBuy[p] !== (openQuantity.get(`${prefix}/${Side.BUY}`) ?? 0)) throw new Error(`${prefix}: open buy ${risk.openBuy[p]} counted`);
    if (risk.openSell[p] !== (openQuantity.get(`${prefix}/${Side.SELL}`) ?? 0)) throw new Error(`${prefix}: open sell ${risk.openSell[p]} counted`);
    if (risk.openBuyOrders[p] !== (openOrdersOnSide.get(`${prefix}/${Side.BUY}`) ?? 0)) throw new Error(`${prefix}: ${risk.openBuyOrders[p]} open buy orders counted`);
    if (risk.openSellOrders[p] !== (openOrdersOnSide.get(`${prefix}/${Side.SELL}`) ?? 0)) throw new Error(`${prefix}: ${risk.openSellOrders[p]} open sell orders counted`);
  }
}
