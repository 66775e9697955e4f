/** What the gateway's wiring (server.ts, config.ts) takes from its protections. */
export { createGatewayProtection, type GatewayProtection } from './gatewayProtection.js';
export type { SubscriptionOperation, SubscriptionOperationCheck } from './subscriptionOperations.js';
export {
  defaultProtectionSettings,
  protectionEnvironment,
  protectionSettings,
  type ProtectionSettings,
} from './protectionConfig.js';
export { loadTrustedDocuments, documentHash, type TrustedDocumentManifest } from './trustedDocuments.js';
