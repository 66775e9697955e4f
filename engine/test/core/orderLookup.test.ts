import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdIndex } from '../../src/core/idIndex.js';
import { OrderPool } from '../../src/core/orderPool.js';

type Operation = { op: 'set' | 'delete' | 'get'; id: number };

/** Ids that collide in a small window and in the hash, plus large ones above 2^32. */
const id = fc.oneof(fc.integer({ min: 1, max: 64 }), fc.integer({ min: 1, max: 2 ** 20 }), fc.integer({ min: 2 ** 32, max: 2 ** 53 - 1 }));
const operation = fc.record({ op: fc.constantFrom('set' as const, 'delete' as const, 'get' as const), id });

describe('id index', () => {
  for (const [name, make] of [['IdIndex', () => new IdIndex(4)]] as const) {
    it(`${name} behaves like a Map under random sets, deletes and gets`, () => {
      fc.assert(
        fc.property(fc.array(operation, { maxLength: 300, size: 'max' }), (operations: Operation[]) => {
          const index = make();
          const model = new Map<number, number>();
          operations.forEach(({ op, id }, n) => {
            if (op === 'set' && !model.has(id)) {
              index.set(id, n);
              model.set(id, n);
            } else if (op === 'delete') {
              expect(index.delete(id)).toBe(model.get(id) ?? -1);
              model.delete(id);
            }
            expect(index.get(id)).toBe(model.get(id) ?? -1);
            expect(index.size).toBe(model.size);
          });
          const entries: [number, number][] = [];
          index.forEach((k, v) => entries.push([k, v]));
          expect(new Map(entries)).toEqual(model);
        }),
        { numRuns: 300 },
      );
    });
  }
});

describe('order pool', () => {
  it('finds every live order by its id, in home or overflow slots, under random allocations and releases', () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 300, size: 'max' }), (operations: Operation[]) => {
        const pool = new OrderPool(3, 2);
        const model = new Map<number, number>();
        const ids = new Float64Array(1);
        for (const { op, id } of operations) {
          if (op === 'set' && !model.has(id)) {
            ids[0] = id;
            model.set(id, pool.allocate(ids, 0));
          } else if (op === 'delete' && model.has(id)) {
            pool.release(model.get(id)!);
            model.delete(id);
          }
          ids[0] = id;
          expect(pool.find(ids, 0)).toBe(model.get(id) ?? -1);
          expect(pool.used).toBe(model.size);
        }
        for (const [liveId, slot] of model) expect(pool.find(Float64Array.of(liveId), 0)).toBe(slot);
        expect(new Set(model.values()).size).toBe(model.size);
      }),
      { numRuns: 300 },
    );
  });
});
