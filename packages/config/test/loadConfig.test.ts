import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, port, postgresUrl, z } from '../src/index.js';

const schema = z.object({
  PORT: port(4000),
  DATABASE_URL: postgresUrl(),
  MODE: z.enum(['a', 'b']).default('a'),
});

describe('loadConfig', () => {
  it('applies defaults and coerces numbers', () => {
    expect(loadConfig('svc', schema, { DATABASE_URL: 'postgresql://u@h/db' })).toEqual({
      PORT: 4000,
      DATABASE_URL: 'postgresql://u@h/db',
      MODE: 'a',
    });
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig('svc', schema, { DATABASE_URL: 'postgres://h/db', PORT: '' }).PORT).toBe(4000);
  });

  it('fails naming every bad or missing variable', () => {
    let error: unknown;
    try {
      loadConfig('orders', schema, { PORT: '70000', MODE: 'c' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toContain('Invalid configuration for orders');
    expect(message).toMatch(/PORT: /);
    expect(message).toMatch(/DATABASE_URL: /);
    expect(message).toMatch(/MODE: /);
  });

  it('rejects a URL of the wrong protocol', () => {
    expect(() => loadConfig('svc', schema, { DATABASE_URL: 'mysql://h/db' })).toThrow(
      /DATABASE_URL: must be a URL with protocol postgres/,
    );
  });
});
