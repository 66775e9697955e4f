import { requireIdentity } from '@mib/auth';
import type { SubscriptionResolvers } from './types.generated.js';

export const Subscription: SubscriptionResolvers = {
  riskAlerts: {
    subscribe: (_parent, _args, context) => {
      const { userId } = requireIdentity(context.identity);
      const liveAlerts = context.runtime.trading?.liveAlerts;
      if (!liveAlerts) throw new Error('the risk subgraph runs without the event bus: live alerts are off');
      return liveAlerts.alertsOf(userId);
    },
  },
};
