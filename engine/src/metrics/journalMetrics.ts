import { Histogram, type Registry } from '@mib/telemetry';
import type { JournalTimings } from '../journal/timedJournalStore.js';

/** Journal histograms; observed once per group commit and once per snapshot, never per command. */
export function journalMetrics(registry: Registry): JournalTimings {
  const commits = new Histogram({
    name: 'engine_journal_commit_duration_seconds',
    help: 'Time from a batch of commands handed to the journal until it is on disk (group commit: write + fdatasync, including the wait for a sync in progress)',
    // fdatasync takes ~50 µs on NVMe with a write cache, tens of ms on network disks.
    buckets: [0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [registry],
  });
  const snapshots = new Histogram({
    name: 'engine_snapshot_write_duration_seconds',
    help: 'Time to store a shard snapshot durably (temp file, fsync, rename), from handing it to the journal',
    buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  return {
    onCommit: (seconds) => commits.observe(seconds),
    onSnapshot: (seconds) => snapshots.observe(seconds),
  };
}
