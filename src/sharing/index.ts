export { ROLES, isRole, parseRole, type Role } from './roles.js';
export type {
  ApiKeyInfo,
  IdentityOptions,
  IdentityService,
  IssuedApiKey,
  IssuedSession,
  Organisation,
  Principal,
  User,
} from './identity-types.js';
export { createIdentityService } from './identity-service.js';
