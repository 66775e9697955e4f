import { requireSelf } from '../context.js';
import type { UserResolvers } from './types.generated.js';

export const User: UserResolvers = {
  // Representations from other subgraphs carry only the key; an unknown id resolves to null.
  __resolveReference: ({ id }, { userById }) => userById.load(id),
  email: ({ id, email }, _args, context) => {
    requireSelf(context, id);
    return email;
  },
  apiKeys: ({ id }, _args, context) => {
    requireSelf(context, id);
    return context.prisma.apiKey.findMany({
      where: { userId: id },
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    });
  },
  totpEnabled: async ({ id }, _args, context) => {
    requireSelf(context, id);
    const factor = await context.prisma.totpFactor.findUnique({ where: { userId: id } });
    return factor?.confirmedAt != null;
  },
  sessions: async ({ id }, _args, context) => {
    requireSelf(context, id);
    const caller = context.identity?.credential;
    const sessions = await context.runtime.sessions.listLive(id, new Date());
    return sessions.map((session) => ({
      ...session,
      current: caller?.kind === 'session' && caller.id === session.id,
    }));
  },
  recoveryCodesRemaining: ({ id }, _args, context) => {
    requireSelf(context, id);
    return context.prisma.recoveryCode.count({ where: { userId: id, usedAt: null } });
  },
};
