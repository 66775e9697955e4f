import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '@mib/telemetry';
import { ShutdownSequence } from '../src/shutdown.js';

/** A logger whose lines are kept, parsed. */
function recordingLogger() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(line: Buffer, _encoding, done) {
      lines.push(JSON.parse(line.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { logger: createLogger('launcher-test', { destination }), lines };
}

describe('the shutdown sequence', () => {
  it('stops the parts in the reverse of their order, each once', async () => {
    const { logger } = recordingLogger();
    const sequence = new ShutdownSequence(logger);
    const stopped: string[] = [];
    for (const name of ['database', 'engine', 'gateway']) sequence.add(name, () => void stopped.push(name));
    await sequence.run();
    await sequence.run();
    expect(stopped).toEqual(['gateway', 'engine', 'database']);
  });

  it('stops the rest when a part hangs past the deadline or fails, and says which', async () => {
    const { logger, lines } = recordingLogger();
    const sequence = new ShutdownSequence(logger, 50);
    const stopped: string[] = [];
    sequence.add('database', () => void stopped.push('database'));
    sequence.add('subgraphs', () => Promise.reject(new Error('connection refused')));
    sequence.add('gateway', () => new Promise<void>(() => {}));
    await sequence.run();
    expect(stopped).toEqual(['database']);
    expect(lines.filter((line) => line['part']).map((line) => [line['part'], line['msg']])).toEqual([
      ['gateway', 'a part of the platform did not stop in time: stopping the rest'],
      ['subgraphs', 'a part of the platform failed to stop'],
    ]);
  });
});
