import { Counter, Gauge, type Registry } from '@mib/telemetry';
import { CommandKind, EventType, RejectReason } from '../core/index.js';
import type { EventPublisher } from '../publishing/eventPublisher.js';
import type { ShardedEngine } from '../shard/shardedEngine.js';
import { COMMAND_OUTCOMES, COUNTED_COMMAND_KINDS, type CommandCounters } from './commandCounters.js';

/** What the metrics read when scraped; nothing here is touched per command. */
export interface EngineMetricSources {
  readonly engine: Pick<
    ShardedEngine,
    'shardCount' | 'eventCounters' | 'ringCapacity' | 'ringOccupancy' | 'isShardAlive' | 'histories'
  >;
  readonly commands: CommandCounters;
  /** The event publisher, when the engine publishes to a bus (publish lag). */
  readonly publisher?: Pick<EventPublisher, 'confirmedSequence'> | undefined;
}

const nameOf = (table: Readonly<Record<string, number>>): Map<number, string> =>
  new Map(Object.entries(table).map(([name, value]) => [value, name]));
const KIND_NAMES = nameOf(CommandKind);
const EVENT_TYPE_NAMES = nameOf(EventType);
const REJECT_REASON_NAMES = nameOf(RejectReason);

/**
 * Registers the engine's metrics. Counts are kept as plain numbers by the main thread where it
 * handles events and answers anyway (EventCounters, CommandCounters) and copied into prom-client
 * by `collect()` at scrape time; ring occupancy, shards alive and publish lag are read then too.
 * Labels are bounded: kind, outcome, reason, type, shard, ring — never orders, accounts or symbols.
 */
export function registerEngineMetrics(registry: Registry, sources: EngineMetricSources): void {
  const { engine, commands, publisher } = sources;
  const registers = [registry];
  const shards = Array.from({ length: engine.shardCount }, (_, shard) => shard);

  new Counter({
    name: 'engine_commands_total',
    help: 'Commands answered over gRPC, by kind and outcome (accepted, rejected, failed: engine busy or down)',
    labelNames: ['kind', 'outcome'],
    registers,
    collect() {
      this.reset();
      for (const kind of COUNTED_COMMAND_KINDS)
        for (const outcome of COMMAND_OUTCOMES)
          this.inc({ kind: KIND_NAMES.get(kind) ?? String(kind), outcome }, commands.get(kind, outcome));
    },
  });
  new Counter({
    name: 'engine_order_batches_total',
    help: 'SubmitOrders batches received',
    registers,
    collect() {
      this.reset();
      this.inc(commands.orderBatches);
    },
  });
  new Counter({
    name: 'engine_rejects_total',
    help: 'Commands the shards rejected (ORDER_REJECTED events), by reject reason',
    labelNames: ['reason'],
    registers,
    collect() {
      this.reset();
      const counts = engine.eventCounters.rejectsByReason;
      for (const [reason, name] of REJECT_REASON_NAMES) this.inc({ reason: name }, counts[reason] ?? 0);
      if ((counts[0] ?? 0) > 0) this.inc({ reason: 'OTHER' }, counts[0] ?? 0);
    },
  });
  new Counter({
    name: 'engine_events_total',
    help: 'Events the shards produced, by type',
    labelNames: ['type'],
    registers,
    collect() {
      this.reset();
      const counts = engine.eventCounters.byType;
      for (const [type, name] of EVENT_TYPE_NAMES) this.inc({ type: name }, counts[type] ?? 0);
    },
  });
  new Counter({
    name: 'engine_trades_total',
    help: 'Trades matched in the order books (ingested external prints are not counted)',
    registers,
    collect() {
      this.reset();
      this.inc(engine.eventCounters.matchedTrades);
    },
  });
  registerShardGauges(registry, sources, shards);
  if (publisher === undefined) return;
  new Gauge({
    name: 'engine_event_publish_lag_events',
    help: 'Events a shard produced that the event bus has not acknowledged yet',
    labelNames: ['shard'],
    registers,
    collect() {
      for (const shard of shards) {
        const produced = engine.histories[shard]?.lastSequence ?? 0;
        this.set({ shard: String(shard) }, Math.max(0, produced - publisher.confirmedSequence(shard)));
      }
    },
  });
}

/** Shards alive and what fills their rings, read when scraped. */
function registerShardGauges(registry: Registry, { engine }: EngineMetricSources, shards: number[]): void {
  const registers = [registry];
  new Gauge({
    name: 'engine_shards',
    help: 'Shard worker threads the engine was started with',
    registers,
    collect() {
      this.set(engine.shardCount);
    },
  });
  new Gauge({
    name: 'engine_shards_alive',
    help: 'Shard worker threads running (a dead one stops the engine serving)',
    registers,
    collect() {
      this.set(shards.filter((shard) => engine.isShardAlive(shard)).length);
    },
  });
  new Gauge({
    name: 'engine_ring_capacity_slots',
    help: 'Slots of each ring between the main thread and a shard (per direction)',
    registers,
    collect() {
      this.set(engine.ringCapacity);
    },
  });
  new Gauge({
    name: 'engine_ring_used_slots',
    help: 'Slots in use: commands not yet taken by the shard (ring="command"), events not yet read (ring="event")',
    labelNames: ['shard', 'ring'],
    registers,
    collect() {
      for (const shard of shards) {
        const occupancy = engine.ringOccupancy(shard);
        this.set({ shard: String(shard), ring: 'command' }, occupancy.commandSlots);
        this.set({ shard: String(shard), ring: 'event' }, occupancy.eventSlots);
      }
    },
  });
  new Gauge({
    name: 'engine_commands_queued',
    help: 'Commands waiting on the main thread for room in a full command ring',
    labelNames: ['shard'],
    registers,
    collect() {
      for (const shard of shards)
        this.set({ shard: String(shard) }, engine.ringOccupancy(shard).queuedCommands);
    },
  });
}
