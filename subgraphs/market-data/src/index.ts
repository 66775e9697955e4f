export { marketDataSubgraph, MARKET_DATA_SUBGRAPH } from './server.js';
