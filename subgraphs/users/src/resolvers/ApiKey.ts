import { scopesOfKey } from '../apiKeys/apiKeys.js';
import type { ApiKeyResolvers } from './types.generated.js';

export const ApiKey: ApiKeyResolvers = {
  scopes: (apiKey) => scopesOfKey(apiKey),
};
