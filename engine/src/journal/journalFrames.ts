/**
 * On-disk framing of a journal segment: a sequence of frames, one per group commit. A frame is
 * a header slot (16 float64: magic, slot count, CRC-32 of the payload bytes) followed by the
 * command slots. A crash can leave the last frame torn (short, or with a bad checksum): reading
 * stops there, and that frame was never acknowledged, because acknowledgements wait for fsync.
 */
import { crc32 } from 'node:zlib';
import { COMMAND_SLOT_SIZE } from '../core/index.js';

const FRAME_MAGIC = 0x4d49424a; // "MIBJ"
const SLOT_BYTES = COMMAND_SLOT_SIZE * 8;

/** One frame: header then `slots`. */
export function encodeFrame(slots: Float64Array): Buffer {
  const count = slots.length / COMMAND_SLOT_SIZE;
  const payload = Buffer.from(slots.buffer, slots.byteOffset, slots.byteLength);
  const header = new Float64Array(COMMAND_SLOT_SIZE);
  header[0] = FRAME_MAGIC;
  header[1] = count;
  header[2] = crc32(payload);
  return Buffer.concat([Buffer.from(header.buffer), payload]);
}

export interface DecodedFrames {
  /** Every command slot of the complete frames, in order. */
  readonly slots: Float64Array;
  /** Bytes of complete frames; anything after is a torn tail. */
  readonly validBytes: number;
}

/** Reads the complete frames of a segment's bytes. */
export function decodeFrames(bytes: Buffer): DecodedFrames {
  const chunks: Float64Array[] = [];
  let at = 0;
  let total = 0;
  while (at + SLOT_BYTES <= bytes.length) {
    const header = new Float64Array(
      bytes.buffer.slice(bytes.byteOffset + at, bytes.byteOffset + at + SLOT_BYTES),
    );
    const count = header[1]!;
    const end = at + SLOT_BYTES + count * SLOT_BYTES;
    if (header[0] !== FRAME_MAGIC || !Number.isSafeInteger(count) || count <= 0 || end > bytes.length) break;
    const payload = bytes.subarray(at + SLOT_BYTES, end);
    if (crc32(payload) !== header[2]) break;
    chunks.push(
      new Float64Array(bytes.buffer.slice(payload.byteOffset, payload.byteOffset + payload.length)),
    );
    total += count;
    at = end;
  }
  const slots = new Float64Array(total * COMMAND_SLOT_SIZE);
  let offset = 0;
  for (const chunk of chunks) {
    slots.set(chunk, offset);
    offset += chunk.length;
  }
  return { slots, validBytes: at };
}
