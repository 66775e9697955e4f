import { runSubgraphProcess } from '@mib/subgraph-kit';
import { portfolioSubgraph } from './server.js';

await runSubgraphProcess(portfolioSubgraph, 4004);
