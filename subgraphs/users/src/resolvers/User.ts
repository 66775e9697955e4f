import type { UserResolvers } from './types.generated.js';

export const User: UserResolvers = {
  // Representations from other subgraphs carry only the key; an unknown id resolves to null.
  __resolveReference: ({ id }, { userById }) => userById.load(id),
};
