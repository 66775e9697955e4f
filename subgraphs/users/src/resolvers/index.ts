import { DateTimeScalar } from '@mib/subgraph-kit';
import { ApiKey } from './ApiKey.js';
import { Mutation } from './Mutation.js';
import { Query } from './Query.js';
import type { Resolvers } from './types.generated.js';
import { User } from './User.js';

export const resolvers: Resolvers = { Query, Mutation, User, ApiKey, DateTime: DateTimeScalar };
