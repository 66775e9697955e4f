import { encodeCancel, encodeSubmit } from '../core/commandEncoding.js';
import { OrderType, Side, StpMode } from '../core/layout.js';
import { GeometricBrownianMotion } from './priceProcess.js';
import { SeededRandom } from './random.js';

/** An instrument the simulator trades (prices and quantities in 1e-8 units). */
export interface SimulatedInstrument {
  symbolId: number;
  tickSize: number;
  lotSize: number;
  initialPrice: number;
  /** Annual volatility σ of the mid price. Default 0.8. */
  volatility?: number;
  /** Annual drift μ. Default 0. */
  drift?: number;
}

/** Shares of each kind of command; they need not sum to 1 (they are normalised). */
export interface OrderMix {
  limit: number;
  market: number;
  ioc: number;
  cancel: number;
}

export interface MarketSimulatorOptions {
  /** Seed of the PRNG: the same seed gives the same command stream. */
  seed: number;
  instruments: readonly SimulatedInstrument[];
  /** Simulated participants, accounts `firstAccountId …`. Default 100. */
  participants?: number;
  /** First account id. Default 1. */
  firstAccountId?: number;
  /** Poisson arrival rate of commands, per second of simulated time. Default 10 000. */
  commandsPerSecond?: number;
  /** Simulated time of the first command, ms since the epoch. Default 2023-11-14T22:13:20Z. */
  startTimeMs?: number;
  /** Default limit 0.55, market 0.04, IOC 0.06, cancel 0.35: keeps the book roughly stationary. */
  mix?: OrderMix;
  /** Mean distance of passive limit prices from the mid, in ticks. Default 5. */
  meanDistanceTicks?: number;
  /** Share of limit orders priced through the mid (they trade on arrival). Default 0.1. */
  aggressiveShare?: number;
  /** Largest order size in lots (sizes are uniform in 1…maxLots). Default 10. */
  maxLots?: number;
  /** First order id. Default 1. */
  firstOrderId?: number;
}

/** Recently submitted orders the simulator may cancel (a ring; older ones are forgotten). */
const CANCEL_CANDIDATES = 65_536;

/**
 * Synthetic order flow: per symbol a GBM mid price, commands arriving as a Poisson process from
 * simulated participants, a mix of limit orders around the mid, market and IOC orders and
 * cancels of recent orders. Writes command slots (engine/PROTOCOL.md) and allocates nothing per
 * command, so it can feed benchmarks directly.
 */
export class MarketSimulator {
  private readonly random: SeededRandom;
  private readonly instruments: readonly SimulatedInstrument[];
  private readonly prices: GeometricBrownianMotion[];
  private readonly priceTimeMs: Float64Array;
  private readonly participants: number;
  private readonly firstAccountId: number;
  private readonly rate: number;
  private readonly thresholds: Float64Array;
  private readonly meanDistanceTicks: number;
  private readonly aggressiveShare: number;
  private readonly maxLots: number;
  private readonly candidateOrder = new Float64Array(CANCEL_CANDIDATES);
  private readonly candidateAccount = new Float64Array(CANCEL_CANDIDATES);
  private readonly candidateSymbol = new Float64Array(CANCEL_CANDIDATES);
  private candidateCount = 0;
  private candidateNext = 0;
  private nextOrderId: number;
  private nextRequestId = 1;
  /** Simulated time in ms (fractional; commands carry it rounded down). */
  private timeMs: number;

  constructor(options: MarketSimulatorOptions) {
    this.random = new SeededRandom(options.seed);
    this.instruments = options.instruments;
    this.prices = options.instruments.map((i) => new GeometricBrownianMotion(i.initialPrice, i.drift ?? 0, i.volatility ?? 0.8));
    this.timeMs = options.startTimeMs ?? 1_700_000_000_000;
    this.priceTimeMs = new Float64Array(options.instruments.length).fill(this.timeMs);
    this.participants = options.participants ?? 100;
    this.firstAccountId = options.firstAccountId ?? 1;
    this.rate = (options.commandsPerSecond ?? 10_000) / 1000;
    const mix = options.mix ?? { limit: 0.55, market: 0.04, ioc: 0.06, cancel: 0.35 };
    const total = mix.limit + mix.market + mix.ioc + mix.cancel;
    this.thresholds = Float64Array.of(mix.limit / total, (mix.limit + mix.market) / total, (mix.limit + mix.market + mix.ioc) / total);
    this.meanDistanceTicks = options.meanDistanceTicks ?? 5;
    this.aggressiveShare = options.aggressiveShare ?? 0.1;
    this.maxLots = options.maxLots ?? 10;
    this.nextOrderId = options.firstOrderId ?? 1;
  }

  /** Current simulated time, ms since the epoch. */
  get nowMs(): number {
    return Math.floor(this.timeMs);
  }

  /** Current mid price of the instrument at `index` (1e-8 units). */
  midPrice(index: number): number {
    return this.prices[index]!.price;
  }

  /** Writes `count` command slots into `commands` from slot `firstSlot`. */
  generate(commands: Float64Array, firstSlot: number, count: number): void {
    for (let i = 0; i < count; i++) this.writeNext(commands, firstSlot + i);
  }

  private writeNext(commands: Float64Array, slot: number): void {
    const random = this.random;
    this.timeMs += random.nextExponential(this.rate);
    const timestampMs = Math.floor(this.timeMs);
    const draw = random.nextFloat();
    const requestId = this.nextRequestId++;
    if (draw >= this.thresholds[2]! && this.candidateCount > 0) {
      const pick = random.nextInt(this.candidateCount);
      const orderId = this.candidateOrder[pick]!;
      if (orderId !== 0) {
        encodeCancel(commands, slot, requestId, this.candidateSymbol[pick]!, this.candidateAccount[pick]!, orderId, timestampMs);
        this.candidateOrder[pick] = 0;
        return;
      }
    }
    const index = this.instruments.length === 1 ? 0 : random.nextInt(this.instruments.length);
    const instrument = this.instruments[index]!;
    const mid = this.prices[index]!.advance(this.timeMs - this.priceTimeMs[index]!, random);
    this.priceTimeMs[index] = this.timeMs;
    const tick = instrument.tickSize;
    const side = random.nextFloat() < 0.5 ? Side.BUY : Side.SELL;
    const account = this.firstAccountId + random.nextInt(this.participants);
    const quantity = (1 + random.nextInt(this.maxLots)) * instrument.lotSize;
    const orderId = this.nextOrderId++;
    const type = draw < this.thresholds[0]! ? OrderType.LIMIT : draw < this.thresholds[1]! ? OrderType.MARKET : OrderType.IOC;
    let price = 0;
    if (type !== OrderType.MARKET) {
      // Passive orders sit an exponential number of ticks behind the mid; aggressive ones reach through it.
      const distance = Math.floor(random.nextExponential(1 / this.meanDistanceTicks));
      const through = type === OrderType.IOC || random.nextFloat() < this.aggressiveShare;
      const midTicks = Math.max(1 + this.meanDistanceTicks * 4, Math.round(mid / tick));
      const sign = (side === Side.BUY ? 1 : -1) * (through ? 1 : -1);
      price = Math.max(1, midTicks + sign * (through ? 1 + (distance >> 1) : distance)) * tick;
    }
    encodeSubmit(commands, slot, requestId, instrument.symbolId, account, orderId, side, type, price, quantity, StpMode.NONE, timestampMs);
    if (type === OrderType.LIMIT) this.remember(orderId, account, instrument.symbolId);
  }

  private remember(orderId: number, account: number, symbolId: number): void {
    const at = this.candidateNext;
    this.candidateOrder[at] = orderId;
    this.candidateAccount[at] = account;
    this.candidateSymbol[at] = symbolId;
    this.candidateNext = (at + 1) % CANCEL_CANDIDATES;
    if (this.candidateCount < CANCEL_CANDIDATES) this.candidateCount++;
  }
}
