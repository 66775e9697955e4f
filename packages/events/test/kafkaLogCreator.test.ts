import { logLevel } from 'kafkajs';
import { pino } from 'pino';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { pinoLogCreator } from '../src/kafka/kafkaLogCreator.js';

/** A debug-level pino logger whose lines land in `lines`. */
function capturingLogger() {
  const lines: Array<{ level: number; msg: string; namespace?: string }> = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as (typeof lines)[number]);
      done();
    },
  });
  return { logger: pino({ level: 'debug' }, destination), lines };
}

const entry = (level: logLevel, message: string, extra: Record<string, unknown> = {}) => ({
  namespace: 'Connection',
  level,
  label: 'ERROR',
  log: { timestamp: new Date(0).toISOString(), logger: 'kafkajs', message, ...extra },
});

describe('pinoLogCreator', () => {
  it('downgrades responses kafkajs retries while the group coordinator loads', () => {
    const { logger, lines } = capturingLogger();
    const log = pinoLogCreator(logger)(logLevel.DEBUG);
    log(
      entry(logLevel.ERROR, 'Response JoinGroup(key: 11, version: 5)', {
        error: "The coordinator is loading and hence can't process requests for this group",
      }),
    );
    log(
      entry(logLevel.ERROR, 'Response Metadata(key: 3, version: 6)', {
        error: 'There is no leader for this topic-partition as we are in the middle of a leadership election',
      }),
    );
    expect(lines.map((line) => line.level)).toEqual([20, 20]);
  });

  it('keeps real failures at error level with kafkajs’s fields', () => {
    const { logger, lines } = capturingLogger();
    pinoLogCreator(logger)(logLevel.DEBUG)(
      entry(logLevel.ERROR, 'Connection error: connect ECONNREFUSED 127.0.0.1:9092', {
        broker: '127.0.0.1:9092',
      }),
    );
    expect(lines).toMatchObject([
      {
        level: 50,
        msg: 'Connection error: connect ECONNREFUSED 127.0.0.1:9092',
        namespace: 'Connection',
        broker: '127.0.0.1:9092',
      },
    ]);
  });
});
