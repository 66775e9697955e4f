import { describe, expect, it } from 'vitest';
import * as ws from 'ws';
import { textFrame } from '../../src/subscriptions/websocketFrame.js';

// `ws` exports its frame parser, which @types/ws does not declare.
const { Receiver } = ws as unknown as {
  Receiver: new (options: { isServer: boolean }) => NodeJS.EventEmitter & { write(chunk: Buffer): void };
};

/** What `ws`'s own frame parser (the client side) reads from the bytes. */
function received(frame: Buffer): Promise<{ text: string; isBinary: boolean }> {
  return new Promise((resolve, reject) => {
    const receiver = new Receiver({ isServer: false });
    receiver.on('message', (data: Buffer, isBinary: boolean) => resolve({ text: data.toString(), isBinary }));
    receiver.on('error', reject);
    receiver.write(frame);
  });
}

describe('textFrame', () => {
  it.each([0, 1, 125, 126, 65_535, 65_536, 1_000_000])(
    'is one text message of head then tail when %i bytes long',
    async (length) => {
      const head = Buffer.from('{"id":"1",');
      const tail = Buffer.from('x'.repeat(Math.max(0, length - head.length)));
      const expected = Buffer.concat([head, tail]).toString();
      expect(await received(textFrame(head, tail))).toEqual({ text: expected, isBinary: false });
    },
  );
});
