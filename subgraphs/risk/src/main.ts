import { runSubgraphProcess } from '@mib/subgraph-kit';
import { riskSubgraph } from './server.js';

await runSubgraphProcess(riskSubgraph, 4005);
