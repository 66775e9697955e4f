export { hasScope, type Caller, type Credential, type Identity } from './identity.js';
export {
  CALLER_TOKEN_TTL_MS,
  CallerTokenError,
  CallerTokens,
  IDENTITY_HEADER,
  MIN_SECRET_LENGTH,
} from './callerToken.js';
export { isRole, isScope, ROLES, SCOPES, scopesOfRole, type Role, type Scope } from './scopes.js';
export { mayAccess, requireIdentity, requireOwner } from './requireIdentity.js';
