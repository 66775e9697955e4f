import { loadConfig } from '@mib/config';
import { runSubgraphProcess } from '@mib/subgraph-kit';
import { createUsersSubgraph, USERS_SUBGRAPH } from './server.js';
import { usersEnvironment } from './usersEnvironment.js';

const config = loadConfig(USERS_SUBGRAPH, usersEnvironment);
await runSubgraphProcess(createUsersSubgraph({ dataKeys: config.USERS_DATA_KEYS ?? [] }), 4001);
