import { runSubgraphProcess } from '@mib/subgraph-kit';
import { marketDataSubgraph } from './server.js';

await runSubgraphProcess(marketDataSubgraph, 4002);
