export { startGateway, type GatewayOptions, type RunningGateway } from './server.js';
export { loadGatewayConfig, type GatewayConfig } from './config.js';
export {
  defaultProtectionSettings,
  protectionEnvironment,
  protectionSettings,
  type ProtectionSettings,
} from './protection/index.js';
export { composeSupergraph, CompositionError } from './compose/composeSupergraph.js';
export { subgraphCatalog, type SubgraphEntry } from './compose/subgraphCatalog.js';
export { readSupergraph, supergraphFile } from './supergraph.js';
