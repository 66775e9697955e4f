export {
  IDENTITY_HEADER,
  authenticateBearer,
  parseIdentity,
  serializeIdentity,
  type Identity,
} from './identity.js';
export { requireIdentity } from './requireIdentity.js';
