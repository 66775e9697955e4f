import type { Prisma } from '../generated/prisma/client.js';
import type { Role } from '../generated/prisma/enums.js';
import {
  DEMO_ADMIN_ID,
  DEMO_ANALYST_ID,
  DEMO_MARKET_MAKER_ID,
  DEMO_SIMULATED_MARKET_MAKER_IDS,
  DEMO_TRADER_EMAIL,
  DEMO_TRADER_ID,
} from './demoIds.js';

interface DemoUser {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly role: Role;
}

/**
 * The demo accounts' passwords (README, "Accounts"), so `npm start` users can log in. Public
 * on purpose: demo data only, never a deployment's.
 */
export const DEMO_PASSWORDS: Readonly<Record<string, string>> = {
  'trader@demo.mib.local': 'demo-trader-2026',
  'analyst@demo.mib.local': 'demo-analyst-2026',
  'admin@demo.mib.local': 'demo-admin-2026',
};

/**
 * scrypt hashes of DEMO_PASSWORDS in the users subgraph's format at OWASP's cost (N=2^17, r=8,
 * p=1), made once, so seeding costs no hashing time. The market makers have none (null: the users
 * domain's "cannot log in"), so nobody can sign in as them.
 */
const DEMO_PASSWORD_HASHES: Readonly<Record<string, string>> = {
  'trader@demo.mib.local':
    '$scrypt$ln=17,r=8,p=1$8yGnqbwiM2wCo2-jawDLeA$TCfdZDvY7AWHAXJe1H0CTuNxGGsOeXVQ3dQG2ASnRfM',
  'analyst@demo.mib.local':
    '$scrypt$ln=17,r=8,p=1$KIXu91Wm4Ki9i1WLxlZD4w$5yaFA8u2mBEqhhsZVeRtu7AFDz5RkA--kACwfsiqkZ0',
  'admin@demo.mib.local':
    '$scrypt$ln=17,r=8,p=1$o6E946FdLGF9WOqGQyaBlA$FKeclnjCmzuM7KZ5-ikXl-9nhpzgKPzlW06Wmi9FER8',
};

/**
 * One user per role, the market maker on the other side of the trader's fills, and the simulated
 * market makers the live market feed trades as.
 */
export const DEMO_USERS: readonly DemoUser[] = [
  { id: DEMO_TRADER_ID, email: DEMO_TRADER_EMAIL, displayName: 'Dana Trader', role: 'TRADER' },
  { id: DEMO_ANALYST_ID, email: 'analyst@demo.mib.local', displayName: 'Alex Analyst', role: 'ANALYST' },
  { id: DEMO_ADMIN_ID, email: 'admin@demo.mib.local', displayName: 'Ada Admin', role: 'ADMIN' },
  {
    id: DEMO_MARKET_MAKER_ID,
    email: 'liquidity@demo.mib.local',
    displayName: 'Demo Market Maker',
    role: 'TRADER',
  },
  ...DEMO_SIMULATED_MARKET_MAKER_IDS.map((id, index) => ({
    id,
    email: `market-maker-${index + 1}@demo.mib.local`,
    displayName: `Simulated Market Maker ${index + 1}`,
    role: 'TRADER' as const,
  })),
];

export async function seedUsers(tx: Prisma.TransactionClient): Promise<void> {
  for (const { id, ...profile } of DEMO_USERS) {
    const passwordHash = DEMO_PASSWORD_HASHES[profile.email] ?? null;
    await tx.user.upsert({ where: { id }, create: { id, ...profile, passwordHash }, update: profile });
    // A database seeded before accounts had passwords gets them; a changed password is kept.
    if (passwordHash) await tx.user.updateMany({ where: { id, passwordHash: null }, data: { passwordHash } });
  }
}
