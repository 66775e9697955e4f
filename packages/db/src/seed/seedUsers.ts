import type { Prisma } from '../generated/prisma/client.js';
import type { Role } from '../generated/prisma/enums.js';
import {
  DEMO_ADMIN_ID,
  DEMO_ANALYST_ID,
  DEMO_MARKET_MAKER_ID,
  DEMO_TRADER_EMAIL,
  DEMO_TRADER_ID,
} from './demoIds.js';

interface DemoUser {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly role: Role;
}

/** One user per role, plus the market maker on the other side of the trader's fills. */
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
];

export async function seedUsers(tx: Prisma.TransactionClient): Promise<void> {
  for (const { id, ...profile } of DEMO_USERS) {
    await tx.user.upsert({ where: { id }, create: { id, ...profile }, update: profile });
  }
}
