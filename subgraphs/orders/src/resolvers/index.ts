import { DateTimeScalar, DecimalScalar } from '@mib/subgraph-kit';
import { Order } from './Order.js';
import { Query } from './Query.js';
import { Trade } from './Trade.js';
import type { Resolvers } from './types.generated.js';
import { User } from './User.js';

export const resolvers: Resolvers = { Query, Order, Trade, User, Decimal: DecimalScalar, DateTime: DateTimeScalar };
