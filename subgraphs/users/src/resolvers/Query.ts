import { requireIdentity } from '@mib/auth';
import { unauthenticated } from '@mib/errors';
import { parseId } from '@mib/subgraph-kit';
import { listUsers } from '../data/listUsers.js';
import type { QueryResolvers } from './types.generated.js';

export const Query: QueryResolvers = {
  me: async (_parent, _args, { identity, userById }) => {
    const user = await userById.load(requireIdentity(identity).userId);
    if (!user) throw unauthenticated('Your account no longer exists');
    return user;
  },
  user: (_parent, { id }, { userById }) => userById.load(parseId(id)),
  users: (_parent, args, { prisma }) => listUsers(prisma, args),
};
