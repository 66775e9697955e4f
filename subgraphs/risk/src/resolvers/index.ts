import { DateTimeScalar, DecimalScalar } from '@mib/subgraph-kit';
import { Query } from './Query.js';
import { RiskAlert } from './RiskAlert.js';
import { RiskProfile } from './RiskProfile.js';
import type { Resolvers } from './types.generated.js';
import { User } from './User.js';

export const resolvers: Resolvers = { Query, RiskProfile, RiskAlert, User, Decimal: DecimalScalar, DateTime: DateTimeScalar };
