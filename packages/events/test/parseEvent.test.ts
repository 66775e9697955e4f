import { describe, expect, it } from 'vitest';
import {
  EventValidationError,
  createEvent,
  decodeEvent,
  encodeEvent,
  eventTypes,
  parseEvent,
  topicOf,
} from '../src/index.js';
import { candleClosed, orderAccepted, quote, riskAlert, trade } from '../src/testing.js';

/** The message `parseEvent` throws for `input`. */
function problemsOf(input: unknown): string {
  try {
    parseEvent(input);
  } catch (error) {
    expect(error).toBeInstanceOf(EventValidationError);
    return (error as Error).message;
  }
  throw new Error('expected the event to be rejected');
}

describe('parseEvent', () => {
  it('accepts every sample event and returns it unchanged', () => {
    for (const event of [
      orderAccepted('AAPL', 1),
      trade('AAPL', 2),
      quote('AAPL', 3),
      candleClosed('AAPL', 4),
      riskAlert('account-1', 5),
    ]) {
      expect(parseEvent(JSON.parse(JSON.stringify(event)))).toEqual(event);
    }
  });

  it('round-trips through the wire encoding', () => {
    const event = trade('MSFT', 7, 3);
    expect(decodeEvent(encodeEvent(event))).toEqual(event);
  });

  it('maps every event type to a topic', () => {
    expect(eventTypes).toHaveLength(10);
    for (const type of eventTypes) expect(topicOf(type)).toBeTypeOf('string');
  });

  it('names the schema version it reads when given another', () => {
    expect(problemsOf({ ...quote('AAPL', 1), schemaVersion: 2 })).toContain(
      'schemaVersion: unsupported schemaVersion 2 (this build reads 1)',
    );
  });

  it('names an unknown event type', () => {
    expect(problemsOf({ ...quote('AAPL', 1), type: 'order.exploded' })).toContain(
      'type: unknown event type "order.exploded"',
    );
  });

  it('requires prices and quantities as decimal strings', () => {
    const event = quote('AAPL', 1);
    expect(problemsOf({ ...event, payload: { ...event.payload, bidPrice: 101.5 } })).toContain(
      'payload.bidPrice: must be a decimal string',
    );
    expect(problemsOf({ ...event, payload: { ...event.payload, bidPrice: '1e3' } })).toContain(
      'payload.bidPrice: must be a decimal string',
    );
    expect(problemsOf({ ...event, payload: { ...event.payload, askSize: '-1' } })).toContain(
      'payload.askSize: must be a non-negative decimal string',
    );
  });

  it('lists every bad envelope field at once', () => {
    const message = problemsOf({ ...quote('AAPL', 1), sequence: 0, shard: -1, occurredAt: 'yesterday' });
    for (const field of ['sequence: ', 'shard: ', 'occurredAt: ']) expect(message).toContain(field);
  });

  it('rejects fields this version does not know', () => {
    expect(problemsOf({ ...quote('AAPL', 1), priority: 'high' })).toContain('priority');
  });

  it('rejects a key that is not the payload’s partition key', () => {
    expect(problemsOf({ ...quote('AAPL', 1), key: 'MSFT' })).toContain(
      'key: must equal the payload\'s partition key "AAPL"',
    );
  });

  it('keys risk alerts by account', () => {
    expect(riskAlert('account-9', 1).key).toBe('account-9');
  });

  it('requires a rejection’s code to match its reason', () => {
    const rejection = (reasonCode: number) =>
      createEvent(
        'order.rejected',
        {
          orderId: 'o-1',
          accountId: 'a-1',
          symbol: 'AAPL',
          requestId: null,
          command: 'SUBMIT',
          reason: 'PRICE_OUTSIDE_BAND',
          reasonCode,
        },
        { source: 'engine', shard: 0, sequence: 1, occurredAt: new Date(0) },
      );
    expect(parseEvent(rejection(203)).type).toBe('order.rejected');
    expect(problemsOf(rejection(201))).toContain('payload.reasonCode: reasonCode does not match reason');
  });

  it('reports a message that is not JSON', () => {
    expect(() => decodeEvent('{not json')).toThrow(/Invalid event: \(event\): not JSON/);
  });
});
