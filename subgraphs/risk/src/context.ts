import type { Identity } from '@mib/auth';
import type { PrismaClient } from '@mib/db';
import type { PlatformServices } from '@mib/subgraph-kit';
import { createAlertsOfProfileLoader, type AlertsOfProfileLoader } from './data/alertsOfProfileLoader.js';
import { createRiskAlertLoader, type RiskAlertLoader } from './data/riskAlertLoader.js';
import { createRiskProfileLoader, type RiskProfileLoader } from './data/riskProfileLoader.js';
import {
  createRiskProfileOfUserLoader,
  type RiskProfileOfUserLoader,
} from './data/riskProfileOfUserLoader.js';
import { riskRuntimeOf, type RiskRuntime } from './riskRuntime.js';

export interface RiskContext {
  readonly prisma: PrismaClient;
  /** Who is calling (null: anonymous). */
  readonly identity: Identity | null;
  readonly runtime: RiskRuntime;
  readonly riskProfileById: RiskProfileLoader;
  readonly riskProfileOfUser: RiskProfileOfUserLoader;
  readonly riskAlertById: RiskAlertLoader;
  readonly alertsOfProfile: AlertsOfProfileLoader;
}

/** A fresh context per request: loaders cache only within one request. */
export const createRiskContext = (
  prisma: PrismaClient,
  identity: Identity | null = null,
  services?: PlatformServices,
): RiskContext => ({
  prisma,
  identity,
  runtime: riskRuntimeOf(prisma, services),
  riskProfileById: createRiskProfileLoader(prisma),
  riskProfileOfUser: createRiskProfileOfUserLoader(prisma),
  riskAlertById: createRiskAlertLoader(prisma),
  alertsOfProfile: createAlertsOfProfileLoader(prisma),
});
