import { DateTimeScalar, DecimalScalar } from '@mib/subgraph-kit';
import { Candle } from './Candle.js';
import { IndicatorSet } from './IndicatorSet.js';
import { Instrument } from './Instrument.js';
import { Mutation } from './Mutation.js';
import { PriceAlert } from './PriceAlert.js';
import { Query } from './Query.js';
import { Quote } from './Quote.js';
import { Subscription } from './Subscription.js';
import type { Resolvers } from './types.generated.js';
import { User } from './User.js';

export const resolvers: Resolvers = {
  Query,
  Mutation,
  Subscription,
  Candle,
  Instrument,
  IndicatorSet,
  PriceAlert,
  Quote,
  User,
  Decimal: DecimalScalar,
  DateTime: DateTimeScalar,
};
