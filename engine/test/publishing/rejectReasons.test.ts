import { rejectReasonCodes } from '@mib/events';
import { describe, expect, it } from 'vitest';
import { RejectReason } from '../../src/core/index.js';

describe('reject reasons on the wire', () => {
  it('are the same names and codes in the engine and in the event protocol', () => {
    // The two tables mirror engine/PROTOCOL.md; a reason added to one only would make every
    // event carrying it fail validation at publish time.
    expect(Object.fromEntries(Object.entries(RejectReason))).toEqual(rejectReasonCodes);
  });
});
