import { describe, expect, it } from 'vitest';
import { preparedStatementNames } from '../src/preparedStatementNames.js';

describe('preparedStatementNames', () => {
  it('gives each distinct text one name, and the unnamed statement past its capacity', () => {
    const nameOf = preparedStatementNames(2);
    const first = nameOf({ sql: 'SELECT 1' });
    const second = nameOf({ sql: 'SELECT 2' });
    expect(first).not.toBe(second);
    expect(first).toMatch(/^mib_/);
    expect(nameOf({ sql: 'SELECT 1' })).toBe(first);
    expect(nameOf({ sql: 'SELECT 3' })).toBe('');
    expect(nameOf({ sql: 'SELECT 2' })).toBe(second);
  });
});
