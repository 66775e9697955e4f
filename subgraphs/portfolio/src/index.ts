export { portfolioSubgraph, PORTFOLIO_SUBGRAPH } from './server.js';
