import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@mib/db/testing';
import { InProcessEventBus, type TradingEvent } from '@mib/events';
import { LiveEvents, ReadModelProgress, type ReadModelMark } from '@mib/subgraph-kit';
import { createLogger, silentLogger, type Logger } from '@mib/telemetry';
import { LivePortfolios } from '../src/live/livePortfolios.js';
import { POSITIONS_CONSUMER } from '../src/portfolioRuntime.js';
import { createInstruments, positionOf, positionsConsumer, TradeTape } from './tradeEvents.js';

let db: TestDatabase;
let applyToReadModel: (events: readonly TradingEvent[]) => Promise<void>;
const tape = new TradeTape();

beforeAll(async () => {
  db = await createTestDatabase();
  await createInstruments(db.prisma, ['AAPL', 'MSFT']);
  applyToReadModel = positionsConsumer(db.prisma);
});

afterAll(async () => {
  await db[Symbol.asyncDispose]();
});

interface LiveOptions {
  readonly recheckMs: number;
  readonly lagWarningMs?: number;
  readonly logger?: Logger;
  /** The read model's marks as another replica leaves them (default: the real ones). */
  readonly markOf?: ReadModelMark;
}

/**
 * `LivePortfolios` on a bus of its own with no read-model consumer: the test applies trades to the
 * read model itself, as late as the scenario wants, and tells the progress (or not) as the
 * consumer would.
 */
async function startLive(options: LiveOptions) {
  const bus = new InProcessEventBus({ logger: silentLogger() });
  const events = new LiveEvents(bus, { name: 'portfolio', topics: ['trades'] });
  const positionsMark = async (stream: string) => {
    const rows = await db.prisma.$queryRaw<{ sequence: bigint }[]>`
      SELECT sequence FROM portfolio.event_marks WHERE consumer = ${POSITIONS_CONSUMER} AND stream = ${stream}`;
    return Number(rows[0]?.sequence ?? 0);
  };
  const progress = new ReadModelProgress('portfolio', options.markOf ?? positionsMark, options.recheckMs);
  const live = new LivePortfolios(events, db.prisma, progress, {
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.lagWarningMs ? { lagWarningMs: options.lagWarningMs } : {}),
  });
  await live.start();
  return { bus, events, progress, live, [Symbol.asyncDispose]: () => bus.close() };
}

type LiveFixture = Awaited<ReturnType<typeof startLive>>;

/** A warn-level logger whose messages land in `warnings`. */
function warningLog() {
  const warnings: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      warnings.push((JSON.parse(chunk.toString()) as { msg: string }).msg);
      done();
    },
  });
  return { logger: createLogger('portfolio-test', { level: 'warn', destination }), warnings };
}

const buys = (userId: string, symbol: string, count: number) =>
  Array.from({ length: count }, () =>
    tape.trade(symbol, { buyer: userId, seller: randomUUID(), price: '10', quantity: '1' }),
  );

describe('myPortfolio while the positions read model lags', () => {
  it('keeps the subscriber through a lag many times the warning, warns once per episode, then delivers', async () => {
    const { logger, warnings } = warningLog();
    await using fixture = await startLive({ recheckMs: 10, lagWarningMs: 50, logger });
    const alice = randomUUID();
    const updates = fixture.live.portfolioUpdates(alice);
    const first = updates.next();
    await fixture.live.subscribers.when(1);

    const [late] = buys(alice, 'AAPL', 1);
    await fixture.bus.publish([late!]);
    // The read model (another replica's: only its mark tells) applies the trade 10 warnings late;
    // the old subscription gave up after a fixed wait and ended the stream with an error.
    await delay(500);
    await applyToReadModel([late!]);
    expect(payload(await first).myPortfolio.userId).toBe(alice);
    expect(warnings).toEqual(['myPortfolio update waits for the positions read model; still waiting']);

    // A prompt read model ends the episode; the next long wait is warned about again.
    const [prompt] = buys(alice, 'AAPL', 1);
    const second = updates.next();
    await applyToReadModel([prompt!]);
    await fixture.bus.publish([prompt!]);
    expect((await second).done).toBe(false);
    const [lateAgain] = buys(alice, 'AAPL', 1);
    const third = updates.next();
    await fixture.bus.publish([lateAgain!]);
    await delay(200);
    await applyToReadModel([lateAgain!]);
    expect((await third).done).toBe(false);
    expect(warnings).toHaveLength(2);
    expect((await positionOf(db.prisma, alice, 'AAPL')).quantity).toBe('3');

    await updates.return?.();
    await fixture.live.subscribers.when(0);
  });

  it('takes a burst of trades off LiveEvents however long the lag, and coalesces it into one payload', async () => {
    let caughtUp = true;
    // The marks say what the test wants; no rechecks: a wait ends when told, or at its first look.
    await using fixture = await startLive({
      recheckMs: 60_000,
      markOf: async () => (caughtUp ? Number.MAX_SAFE_INTEGER : 0),
    });
    const alice = randomUUID();
    const updates = fixture.live.portfolioUpdates(alice);
    const [opening] = buys(alice, 'AAPL', 1);
    await applyToReadModel([opening!]);
    const first = updates.next();
    await fixture.live.subscribers.when(1);
    await fixture.bus.publish([opening!]);
    expect(payload(await first).myPortfolio.userId).toBe(alice);

    // The read model lags while more trades arrive than a subscriber may have waiting in
    // LiveEvents (1 024): the old subscription waited inside LiveEvents and was ended for it.
    caughtUp = false;
    const second = updates.next();
    const burst = buys(alice, 'AAPL', 1_100);
    await handedOver(fixture, burst);
    caughtUp = true;
    fixture.progress.applied(burst.at(-1)!);
    expect((await second).done).toBe(false);

    // Nothing of the burst is left for another payload: the next one waits for the next trade
    // alone (a leftover would wait on AAPL, which the read model now seems not to have applied).
    caughtUp = false;
    const third = updates.next();
    const [after] = buys(alice, 'MSFT', 1);
    await fixture.bus.publish([after!]);
    await until(() => fixture.progress.waits === 1);
    fixture.progress.applied(after!);
    expect((await third).done).toBe(false);

    await updates.return?.();
    await fixture.live.subscribers.when(0);
  });

  it('abandons the wait and stops listening when the subscriber leaves during a lag', async () => {
    await using fixture = await startLive({ recheckMs: 10 });
    const alice = randomUUID();
    const updates = fixture.live.portfolioUpdates(alice);
    const pending = updates.next();
    await fixture.live.subscribers.when(1);
    expect(fixture.events.subscribers).toBe(1);

    const [never] = buys(alice, 'MSFT', 1);
    await fixture.bus.publish([never!]);
    await until(() => fixture.progress.waits === 1);
    await updates.return?.();
    await fixture.live.subscribers.when(0);

    expect(await pending).toEqual({ done: true, value: undefined });
    expect(fixture.progress.waits).toBe(0);
    expect(fixture.events.subscribers).toBe(0);
  });
});

/** The payload a pull is answered with. */
function payload<T>(result: IteratorResult<T>): T {
  if (result.done === true) throw new Error('the stream ended');
  return result.value;
}

/**
 * Publishes `trades` and resolves once every subscriber of the fixture's LiveEvents has been handed
 * them: a trade of someone else published after them on the same stream reaches a listener of its
 * own after them, and what is left of their hand-over runs in microtasks, done before `setImmediate`.
 */
async function handedOver(fixture: LiveFixture, trades: readonly TradingEvent[]): Promise<void> {
  const bob = randomUUID();
  const last = trades.at(-1);
  if (last?.type !== 'trade') throw new Error('trades to hand over end with a trade');
  const marker = tape.trade(last.payload.symbol, {
    buyer: bob,
    seller: randomUUID(),
    price: '1',
    quantity: '1',
  });
  const markers = fixture.events.stream(
    (event) => event.type === 'trade' && event.payload.taker?.accountId === bob,
    (event) => event,
  );
  const seen = markers.next();
  await fixture.bus.publish([...trades, marker]);
  await seen;
  await markers.return?.();
  await new Promise(setImmediate);
}

/** Resolves once `condition` holds, looking after each turn of the event loop (2 s at most). */
async function until(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 2_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in 2 s');
    await new Promise(setImmediate);
  }
}
