import { parseId } from '@mib/subgraph-kit';
import { listUsers } from '../data/listUsers.js';
import type { QueryResolvers } from './types.generated.js';

export const Query: QueryResolvers = {
  user: (_parent, { id }, { userById }) => userById.load(parseId(id)),
  users: (_parent, args, { prisma }) => listUsers(prisma, args),
};
