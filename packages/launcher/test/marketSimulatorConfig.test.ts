import { describe, expect, it } from 'vitest';
import { loadLauncherConfig } from '../src/config.js';

describe('MARKET_SIMULATOR and MARKET_SIMULATOR_RATE', () => {
  it('feed the demo market at 10 commands per second by default', () => {
    const config = loadLauncherConfig({});
    expect(config.MARKET_SIMULATOR).toBe('on');
    expect(config.MARKET_SIMULATOR_RATE).toBe(10);
  });

  it('read the switch and the rate', () => {
    const config = loadLauncherConfig({ MARKET_SIMULATOR: 'off', MARKET_SIMULATOR_RATE: '2.5' });
    expect(config.MARKET_SIMULATOR).toBe('off');
    expect(config.MARKET_SIMULATOR_RATE).toBe(2.5);
  });

  it.each([
    ['MARKET_SIMULATOR', 'yes'],
    ['MARKET_SIMULATOR_RATE', '0'],
    ['MARKET_SIMULATOR_RATE', '-3'],
    ['MARKET_SIMULATOR_RATE', 'fast'],
  ])('fail fast naming %s for %s', (variable, value) => {
    expect(() => loadLauncherConfig({ [variable]: value })).toThrow(variable);
  });
});
