export { usersSubgraph, USERS_SUBGRAPH } from './server.js';
