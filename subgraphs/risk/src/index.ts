export { riskSubgraph, RISK_SUBGRAPH } from './server.js';
