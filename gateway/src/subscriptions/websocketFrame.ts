/**
 * One unmasked, unfragmented WebSocket text frame (RFC 6455 §5.2, server to client) carrying
 * `head` then `tail`, in a single buffer: the fan-out writes it to the TCP socket in one call,
 * without `ws`'s per-message framing work (a header buffer, options, cork and uncork).
 */
export function textFrame(head: Buffer, tail: Buffer): Buffer {
  const length = head.length + tail.length;
  // 7-bit length, or 126 + 16-bit, or 127 + 64-bit (a Buffer is far below 2^32 bytes here).
  const headerLength = length < 126 ? 2 : length < 65_536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(headerLength + length);
  frame[0] = 0x81; // FIN, opcode 1 (text)
  if (headerLength === 2) {
    frame[1] = length;
  } else if (headerLength === 4) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeUInt32BE(Math.floor(length / 2 ** 32), 2);
    frame.writeUInt32BE(length >>> 0, 6);
  }
  head.copy(frame, headerLength);
  tail.copy(frame, headerLength + head.length);
  return frame;
}
