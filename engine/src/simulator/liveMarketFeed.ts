import type { Logger } from 'pino';
import type { EngineClient, OrderResult } from '../client/engineClient.js';
import { COMMAND_SLOT_SIZE, CommandField as C, CommandKind, OrderType, Side } from '../core/layout.js';
import { formatUnits, parseUnits } from '../shard/decimal.js';
import { MarketSimulator } from './marketSimulator.js';

/** An instrument the feed trades: an engine symbol and where its price starts. */
export interface FeedInstrument {
  readonly symbol: string;
  /** Decimal price the mid starts at when the engine has no last trade yet (e.g. the demo seed's). */
  readonly referencePrice: string;
  /** Annual volatility σ of the mid. Default 0.8 (the simulator's). */
  readonly volatility?: number;
}

export interface LiveMarketFeedOptions {
  readonly client: EngineClient;
  readonly instruments: readonly FeedInstrument[];
  /** Engine account ids (the platform's user ids) the simulated participants trade as; at least one. */
  readonly accountIds: readonly string[];
  /** Commands per second across all instruments, Poisson arrivals. Default 10. */
  readonly commandsPerSecond?: number;
  /** PRNG seed of the flow. Default: the start time. */
  readonly seed?: number;
  /** Passive orders placed on each side of every book at start, so it has depth at once. Default 5. */
  readonly openingDepth?: number;
  /** Most commands awaiting the engine's answer; the feed waits beyond it. Default 16. */
  readonly maxInFlight?: number;
  /** First wait after a failed call (engine unavailable), doubling up to 10 s. Default 500 ms. */
  readonly retryMs?: number;
  /** pino logger; default none. */
  readonly logger?: Logger;
}

/** Counts since start, for logs and tests. */
export interface FeedStats {
  submitted: number;
  cancelled: number;
  /** Trades the feed's orders printed as takers. */
  trades: number;
  /** Refused commands by core reject reason (e.g. `UNKNOWN_ORDER` for a cancel after a fill). */
  readonly rejected: Record<string, number>;
  /** Failed calls (transport, deadline), each followed by a back-off. */
  failures: number;
}

export interface LiveMarketFeed {
  readonly stats: FeedStats;
  /** Stops generating, awaits the calls in flight and clears every timer. */
  stop(): Promise<void>;
}

/** A decoded command slot of the simulator. */
interface SimulatedCommand {
  readonly kind: number;
  readonly instrument: number;
  readonly account: string;
  readonly simulatedOrderId: number;
  readonly side: 'BUY' | 'SELL';
  readonly type: 'LIMIT' | 'MARKET' | 'IOC';
  readonly price: string;
  readonly quantity: string;
  readonly timestampMs: number;
}

/** Resting orders remembered for the simulator's cancels; older ones are forgotten (and rest on). */
const MAX_REMEMBERED_ORDERS = 10_000;
const MAX_RETRY_MS = 10_000;

/**
 * Starts simulated market flow against a running engine through its gRPC client, in real time:
 * MarketSimulator's Poisson arrivals and GBM mids (simulated time runs with the clock), its
 * command slots decoded into SubmitOrder / CancelOrder calls. Limit orders rest around the mid,
 * some cross, cancels keep the books bounded. A refused command is logged at debug and skipped;
 * a failed call pauses the feed with exponential back-off. Shell code (timers, gRPC): it lives
 * beside the simulator but is not part of its pure index.
 */
export function startLiveMarketFeed(options: LiveMarketFeedOptions): LiveMarketFeed {
  const feed = new Feed(options);
  return { stats: feed.stats, stop: () => feed.stop() };
}

class Feed {
  readonly stats: FeedStats = { submitted: 0, cancelled: 0, trades: 0, rejected: {}, failures: 0 };
  private readonly abort = new AbortController();
  private readonly inFlight = new Set<Promise<void>>();
  /** Simulator order id → the engine's, for resting limit orders. */
  private readonly engineOrderIds = new Map<number, string>();
  private readonly slot = new Float64Array(COMMAND_SLOT_SIZE);
  private symbols: string[] = [];
  private retryMs: number;
  private failed = false;
  /** Real time minus simulated time, ms. */
  private clockOffsetMs = 0;
  private readonly running: Promise<void>;

  constructor(private readonly options: LiveMarketFeedOptions) {
    if (options.accountIds.length === 0) throw new Error('the market feed needs at least one account');
    this.retryMs = options.retryMs ?? 500;
    this.running = this.run().catch((error: unknown) => options.logger?.error({ err: error }, 'market feed stopped by an error'));
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await this.running;
    await Promise.allSettled([...this.inFlight]);
  }

  private async run(): Promise<void> {
    let simulator: MarketSimulator | undefined;
    while (simulator === undefined && !this.abort.signal.aborted) {
      simulator = await this.attempt(() => this.prepare());
      if (simulator === undefined) await this.backOff();
    }
    if (simulator === undefined) return;
    let next = this.generate(simulator);
    this.clockOffsetMs = Date.now() - next.timestampMs;
    while (!this.abort.signal.aborted) {
      if (this.failed) {
        await this.backOff();
        // Resume now rather than replaying the commands the pause skipped in a burst.
        this.clockOffsetMs = Date.now() - next.timestampMs;
        continue;
      }
      const waitMs = next.timestampMs + this.clockOffsetMs - Date.now();
      if (waitMs > 0) await this.sleep(waitMs);
      else if (this.inFlight.size >= (this.options.maxInFlight ?? 16)) await Promise.race(this.inFlight);
      else {
        this.track(this.send(next));
        next = this.generate(simulator);
      }
    }
  }

  /**
   * Learns the engine's tick and lot sizes, clears the feed accounts' orders left by an earlier
   * run (the journal keeps them), starts each mid at the last trade (else the reference price, so
   * the first orders sit inside the price band) and places the opening depth.
   */
  private async prepare(): Promise<MarketSimulator> {
    const { client, logger } = this.options;
    const known = new Map((await client.listInstruments()).map((instrument) => [instrument.symbol, instrument]));
    const instruments = [];
    for (const instrument of this.options.instruments) {
      const spec = known.get(instrument.symbol);
      if (spec === undefined) logger?.warn({ symbol: instrument.symbol }, 'market feed skips a symbol the engine does not trade');
      else instruments.push({ ...instrument, tickSize: parseUnits(spec.tickSize) ?? 1, lotSize: parseUnits(spec.lotSize) ?? 1 });
    }
    for (const accountId of this.options.accountIds) await client.cancelAllOrders({ accountId, symbol: '' });
    const simulated = [];
    for (const [index, instrument] of instruments.entries()) {
      const last = parseUnits((await client.getQuote(instrument.symbol)).lastPrice) ?? 0;
      const start = last > 0 ? last : parseUnits(instrument.referencePrice) ?? instrument.tickSize;
      const initialPrice = Math.max(1, Math.round(start / instrument.tickSize)) * instrument.tickSize;
      simulated.push({ symbolId: index + 1, tickSize: instrument.tickSize, lotSize: instrument.lotSize, initialPrice, ...(instrument.volatility === undefined ? {} : { volatility: instrument.volatility }) });
    }
    this.symbols = instruments.map((instrument) => instrument.symbol);
    const commandsPerSecond = this.options.commandsPerSecond ?? 10;
    const simulator = new MarketSimulator({ seed: this.options.seed ?? Date.now(), instruments: simulated, participants: this.options.accountIds.length, firstAccountId: 0, commandsPerSecond, startTimeMs: Date.now() });
    await this.placeOpeningDepth(simulator, simulated);
    logger?.info({ symbols: this.symbols, accounts: this.options.accountIds.length, commandsPerSecond }, 'market simulator feeding the engine');
    return simulator;
  }

  /** `openingDepth` bids and asks per book, two ticks apart from one tick off the mid. */
  private async placeOpeningDepth(simulator: MarketSimulator, instruments: readonly { tickSize: number; lotSize: number }[]): Promise<void> {
    const depth = this.options.openingDepth ?? 5;
    const accounts = this.options.accountIds;
    for (const [index, { tickSize, lotSize }] of instruments.entries()) {
      const midTicks = Math.round(simulator.midPrice(index) / tickSize);
      for (let level = 1; level <= depth; level++) {
        for (const side of ['BUY', 'SELL'] as const) {
          const ticks = midTicks + (side === 'BUY' ? -1 : 1) * (2 * level - 1);
          if (ticks < 1) continue;
          const result = await this.options.client.submitOrder({ symbol: this.symbols[index]!, accountId: accounts[(level + index) % accounts.length]!, side, type: 'LIMIT', price: formatUnits(ticks * tickSize), quantity: formatUnits(level * lotSize) });
          if (this.count(result)) this.stats.submitted++;
        }
      }
    }
  }

  private generate(simulator: MarketSimulator): SimulatedCommand {
    const slot = this.slot;
    simulator.generate(slot, 0, 1);
    const type = slot[C.ORDER_TYPE];
    return {
      kind: slot[C.KIND]!,
      instrument: slot[C.SYMBOL_ID]! - 1,
      account: this.options.accountIds[slot[C.ACCOUNT_ID]!]!,
      simulatedOrderId: slot[C.ORDER_ID]!,
      side: slot[C.SIDE] === Side.BUY ? 'BUY' : 'SELL',
      type: type === OrderType.MARKET ? 'MARKET' : type === OrderType.IOC ? 'IOC' : 'LIMIT',
      price: type === OrderType.MARKET ? '' : formatUnits(slot[C.PRICE]!),
      quantity: formatUnits(slot[C.QUANTITY]!),
      timestampMs: slot[C.TIMESTAMP_MS]!,
    };
  }

  private async send(command: SimulatedCommand): Promise<void> {
    const symbol = this.symbols[command.instrument]!;
    const { client } = this.options;
    if (command.kind === CommandKind.CANCEL) {
      const orderId = this.engineOrderIds.get(command.simulatedOrderId);
      // Unknown: never rested (it traded on arrival or was refused) or long forgotten.
      if (orderId === undefined) return;
      this.engineOrderIds.delete(command.simulatedOrderId);
      const result = await this.attempt(() => client.cancelOrder({ symbol, accountId: command.account, orderId }));
      if (result !== undefined && this.count(result)) this.stats.cancelled++;
      return;
    }
    const result = await this.attempt(() => client.submitOrder({ symbol, accountId: command.account, side: command.side, type: command.type, price: command.price, quantity: command.quantity }));
    if (result === undefined || !this.count(result)) return;
    this.stats.submitted++;
    const { report } = result as Extract<OrderResult, { kind: 'accepted' }>;
    if (report.status === 'OPEN' || report.status === 'PARTIALLY_FILLED') this.remember(command.simulatedOrderId, report.orderId);
  }

  /** Counts an answer; true when the command was accepted. */
  private count(result: OrderResult): boolean {
    if (result.kind === 'rejected') {
      const { reason, message } = result.rejection;
      this.stats.rejected[reason] = (this.stats.rejected[reason] ?? 0) + 1;
      this.options.logger?.debug({ reason, message }, 'simulated order rejected');
      return false;
    }
    this.stats.trades += result.report.fills.length;
    return true;
  }

  private remember(simulatedOrderId: number, orderId: string): void {
    this.engineOrderIds.set(simulatedOrderId, orderId);
    if (this.engineOrderIds.size > MAX_REMEMBERED_ORDERS) this.engineOrderIds.delete(this.engineOrderIds.keys().next().value!);
  }

  /** Runs a call; a throw (engine unavailable, deadline) is logged, flags a back-off and gives undefined. */
  private async attempt<T>(call: () => Promise<T>): Promise<T | undefined> {
    try {
      const result = await call();
      this.retryMs = this.options.retryMs ?? 500;
      return result;
    } catch (error) {
      if (this.abort.signal.aborted) return undefined;
      this.stats.failures++;
      if (!this.failed) this.options.logger?.warn({ err: error, retryMs: this.retryMs }, 'market feed paused: the engine call failed');
      this.failed = true;
      return undefined;
    }
  }

  private async backOff(): Promise<void> {
    await this.sleep(this.retryMs);
    this.retryMs = Math.min(MAX_RETRY_MS, this.retryMs * 2);
    this.failed = false;
  }

  private track(call: Promise<void>): void {
    const tracked = call.finally(() => this.inFlight.delete(tracked));
    this.inFlight.add(tracked);
  }

  /** Resolves after `ms`, or at once when the feed stops (the timer is cleared). */
  private sleep(ms: number): Promise<void> {
    const signal = this.abort.signal;
    return new Promise((resolve) => {
      if (signal.aborted) return resolve();
      const wake = (): void => {
        clearTimeout(timer);
        signal.removeEventListener('abort', wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      signal.addEventListener('abort', wake, { once: true });
    });
  }
}
