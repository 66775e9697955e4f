import { parseId } from '@mib/subgraph-kit';
import type { RiskAlertResolvers } from './types.generated.js';

export const RiskAlert: RiskAlertResolvers = {
  __resolveReference: ({ id }, { riskAlertById }) => riskAlertById.load(parseId(id)),
};
