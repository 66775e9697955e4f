/**
 * What a caller may do. A role grants a fixed set of scopes; an API key carries a chosen subset
 * of its owner's. Subgraph schemas name them in `@requiresScopes`.
 */
export const SCOPES = [
  'market:read',
  'orders:read',
  'orders:write',
  'portfolio:read',
  'risk:read',
  'watchlist:write',
  'admin',
] as const;

export type Scope = (typeof SCOPES)[number];

export const ROLES = ['trader', 'analyst', 'admin'] as const;

export type Role = (typeof ROLES)[number];

const SCOPES_OF_ROLE: Readonly<Record<Role, readonly Scope[]>> = {
  trader: ['market:read', 'orders:read', 'orders:write', 'portfolio:read', 'risk:read', 'watchlist:write'],
  analyst: ['market:read', 'risk:read', 'watchlist:write'],
  admin: SCOPES,
};

export const scopesOfRole = (role: Role): readonly Scope[] => SCOPES_OF_ROLE[role];

export const isScope = (value: unknown): value is Scope =>
  typeof value === 'string' && (SCOPES as readonly string[]).includes(value);

export const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && (ROLES as readonly string[]).includes(value);
