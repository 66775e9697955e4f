import { CommandKind } from '../core/index.js';

/** How a command answered over gRPC ended. */
export const COMMAND_OUTCOMES = ['accepted', 'rejected', 'failed'] as const;
export type CommandOutcome = (typeof COMMAND_OUTCOMES)[number];

/** The command kinds callers send over gRPC (ADVANCE_TIME is the engine's own heartbeat). */
export const COUNTED_COMMAND_KINDS = [
  CommandKind.SUBMIT,
  CommandKind.CANCEL,
  CommandKind.AMEND,
  CommandKind.CANCEL_ALL,
  CommandKind.SET_RISK_LIMITS,
  CommandKind.INGEST_TRADE,
] as const;

const KIND_SLOTS = 16;
const OUTCOME_INDEX: Readonly<Record<CommandOutcome, number>> = { accepted: 0, rejected: 1, failed: 2 };

/**
 * Commands by kind and outcome, counted where the gRPC handlers already hold each answer (one
 * increment per unary answer, one per SubmitOrders batch), never in the shards. `failed`: the
 * engine could not run it (busy, stopped, shard failed). Folded into Prometheus when scraped.
 */
export class CommandCounters {
  /** `[kind * 3 + outcome]`. */
  readonly byKindAndOutcome = new Float64Array(KIND_SLOTS * COMMAND_OUTCOMES.length);
  /** SubmitOrders batches received. */
  orderBatches = 0;

  /** Adds `count` commands of `kind` that ended in `outcome`. */
  add(kind: CommandKind, outcome: CommandOutcome, count = 1): void {
    this.byKindAndOutcome[kind * COMMAND_OUTCOMES.length + OUTCOME_INDEX[outcome]]! += count;
  }

  /** Commands of `kind` that ended in `outcome` so far. */
  get(kind: CommandKind, outcome: CommandOutcome): number {
    return this.byKindAndOutcome[kind * COMMAND_OUTCOMES.length + OUTCOME_INDEX[outcome]] ?? 0;
  }
}
