import { COMMAND_SLOT_SIZE, CommandKind } from '../../src/core/index.js';

/** `count` SUBMIT slots with order ids from `firstOrderId`. */
export function submits(firstOrderId: number, count: number): Float64Array {
  const slots = new Float64Array(count * COMMAND_SLOT_SIZE);
  for (let i = 0; i < count; i++) {
    slots[i * COMMAND_SLOT_SIZE] = CommandKind.SUBMIT;
    slots[i * COMMAND_SLOT_SIZE + 1] = firstOrderId + i;
    slots[i * COMMAND_SLOT_SIZE + 4] = firstOrderId + i;
  }
  return slots;
}
