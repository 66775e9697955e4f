import { DateTimeScalar, DecimalScalar } from '@mib/subgraph-kit';
import { IndicatorSet } from './IndicatorSet.js';
import { Instrument } from './Instrument.js';
import { Query } from './Query.js';
import { Quote } from './Quote.js';
import type { Resolvers } from './types.generated.js';

export const resolvers: Resolvers = {
  Query,
  Instrument,
  IndicatorSet,
  Quote,
  Decimal: DecimalScalar,
  DateTime: DateTimeScalar,
};
