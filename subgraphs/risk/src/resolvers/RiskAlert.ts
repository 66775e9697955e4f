import { requireOwner } from '@mib/auth';
import { parseId } from '@mib/subgraph-kit';
import type { RiskAlertResolvers } from './types.generated.js';

export const RiskAlert: RiskAlertResolvers = {
  // Seen by whoever may see its profile: its owner or an admin.
  __resolveReference: async ({ id }, { riskAlertById, riskProfileById, identity }) => {
    const alert = await riskAlertById.load(parseId(id));
    if (alert) {
      // A foreign key guarantees the profile: a miss is a broken database, not a null.
      const profile = await riskProfileById.load(alert.riskProfileId);
      if (!profile)
        throw new Error(`alert ${alert.id} belongs to profile ${alert.riskProfileId}, which does not exist`);
      requireOwner(identity, profile.userId);
    }
    return alert;
  },
};
