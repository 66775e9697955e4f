import { runSubgraphProcess } from '@mib/subgraph-kit';
import { ordersSubgraph } from './server.js';

await runSubgraphProcess(ordersSubgraph, 4003);
