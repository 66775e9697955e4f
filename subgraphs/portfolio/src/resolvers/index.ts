import { DateTimeScalar, DecimalScalar } from '@mib/subgraph-kit';
import { Portfolio } from './Portfolio.js';
import { Position } from './Position.js';
import { Query } from './Query.js';
import { Subscription } from './Subscription.js';
import type { Resolvers } from './types.generated.js';
import { User } from './User.js';

export const resolvers: Resolvers = {
  Query,
  Subscription,
  Portfolio,
  Position,
  User,
  Decimal: DecimalScalar,
  DateTime: DateTimeScalar,
};
