import { runSubgraphProcess } from '@mib/subgraph-kit';
import { usersSubgraph } from './server.js';

await runSubgraphProcess(usersSubgraph, 4001);
