import { DateTimeScalar, DecimalScalar } from '@mib/subgraph-kit';
import { Mutation } from './Mutation.js';
import { Query } from './Query.js';
import { RiskAlert } from './RiskAlert.js';
import { RiskProfile } from './RiskProfile.js';
import { Subscription } from './Subscription.js';
import type { Resolvers } from './types.generated.js';
import { User } from './User.js';

export const resolvers: Resolvers = {
  Query,
  Mutation,
  Subscription,
  RiskProfile,
  RiskAlert,
  User,
  Decimal: DecimalScalar,
  DateTime: DateTimeScalar,
};
