/** Synthetic market flow for demos and benchmarks; pure (no Node imports). */
export { MarketSimulator, type MarketSimulatorOptions, type OrderMix, type SimulatedInstrument } from './marketSimulator.js';
export { GeometricBrownianMotion } from './priceProcess.js';
export { SeededRandom } from './random.js';
