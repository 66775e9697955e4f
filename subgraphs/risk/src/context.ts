import type { PrismaClient } from '@mib/db';
import { createAlertsOfProfileLoader, type AlertsOfProfileLoader } from './data/alertsOfProfileLoader.js';
import { createRiskAlertLoader, type RiskAlertLoader } from './data/riskAlertLoader.js';
import { createRiskProfileLoader, type RiskProfileLoader } from './data/riskProfileLoader.js';
import { createRiskProfileOfUserLoader, type RiskProfileOfUserLoader } from './data/riskProfileOfUserLoader.js';

export interface RiskContext {
  readonly prisma: PrismaClient;
  readonly riskProfileById: RiskProfileLoader;
  readonly riskProfileOfUser: RiskProfileOfUserLoader;
  readonly riskAlertById: RiskAlertLoader;
  readonly alertsOfProfile: AlertsOfProfileLoader;
}

/** A fresh context per request: loaders cache only within one request. */
export const createRiskContext = (prisma: PrismaClient): RiskContext => ({
  prisma,
  riskProfileById: createRiskProfileLoader(prisma),
  riskProfileOfUser: createRiskProfileOfUserLoader(prisma),
  riskAlertById: createRiskAlertLoader(prisma),
  alertsOfProfile: createAlertsOfProfileLoader(prisma),
});
