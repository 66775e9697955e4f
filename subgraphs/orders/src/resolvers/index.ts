import { DateTimeScalar, DecimalScalar } from '@mib/subgraph-kit';
import { Mutation } from './Mutation.js';
import { Order } from './Order.js';
import * as orderCommandResults from './OrderCommandResults.js';
import { Query } from './Query.js';
import { Subscription } from './Subscription.js';
import { Trade } from './Trade.js';
import type { Resolvers } from './types.generated.js';
import { User } from './User.js';

export const resolvers: Resolvers = {
  Query,
  Mutation,
  Subscription,
  Order,
  Trade,
  User,
  ...orderCommandResults,
  Decimal: DecimalScalar,
  DateTime: DateTimeScalar,
};
