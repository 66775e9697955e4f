export { ordersSubgraph, ORDERS_SUBGRAPH } from './server.js';
