import { describe, expect, it } from 'vitest';
import { recordLogs } from '@mib/telemetry/testing';
import { ShutdownSequence } from '../src/shutdown.js';

describe('the shutdown sequence', () => {
  it('stops the parts in the reverse of their order, each once', async () => {
    const { logger } = recordLogs('launcher');
    const sequence = new ShutdownSequence(logger);
    const stopped: string[] = [];
    for (const name of ['database', 'engine', 'gateway']) sequence.add(name, () => void stopped.push(name));
    await sequence.run();
    await sequence.run();
    expect(stopped).toEqual(['gateway', 'engine', 'database']);
  });

  it('stops the rest when a part hangs past the deadline or fails, and says which', async () => {
    const { logger, lines } = recordLogs('launcher');
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
