import { requireIdentity } from '@mib/auth';
import { forbidden, unauthenticated } from '@mib/errors';
import { parseId } from '@mib/subgraph-kit';
import { changePassword } from '../accounts/changePassword.js';
import { logIn } from '../accounts/logIn.js';
import { issuePasswordReset, resetPassword } from '../accounts/passwordReset.js';
import { refreshSession, type AuthPayload } from '../accounts/sessions.js';
import { signUp } from '../accounts/signUp.js';
import { createApiKey, revokeApiKey } from '../apiKeys/apiKeys.js';
import { sha256 } from '../credentials/opaqueTokens.js';
import { confirmTotp, disableTotp, enrolTotp } from '../mfa/totpEnrolment.js';
import type { UsersContext } from '../context.js';
import type { MutationResolvers } from './types.generated.js';

/** Sessions, password and MFA settings change only from a signed-in session, never with an API key. */
function requireSession({ identity }: UsersContext) {
  const caller = requireIdentity(identity);
  if (caller.credential.kind !== 'session')
    throw forbidden('Sign in with a password to manage your sessions, password or MFA settings');
  return caller;
}

async function signedInUser(context: UsersContext) {
  const user = await context.userById.load(requireSession(context).userId);
  if (!user) throw unauthenticated('Your account no longer exists');
  return user;
}

/** Lets the rest of this response show the user who just signed in their own private fields. */
function signedInAs(context: UsersContext, payload: AuthPayload): AuthPayload {
  context.signedIn.userId = payload.user.id;
  return payload;
}

export const Mutation: MutationResolvers = {
  signUp: async (_parent, { input }, context) =>
    signedInAs(context, await signUp(context.prisma, context.runtime, input, context.caller.clientIp)),
  logIn: async (_parent, { input }, context) =>
    signedInAs(context, await logIn(context.prisma, context.runtime, input, context.caller.clientIp)),
  refresh: async (_parent, { refreshToken }, context) =>
    signedInAs(
      context,
      await refreshSession(context.runtime, (id) => context.userById.load(id), refreshToken),
    ),
  logOut: (_parent, { refreshToken }, { runtime }) => runtime.sessions.revokeFamilyOf(sha256(refreshToken)),
  logOutEverywhere: (_parent, _args, context) =>
    context.runtime.sessions.revokeAllOf(requireSession(context).userId, new Date()),
  endSession: (_parent, { id }, context) =>
    context.runtime.sessions.revokeFamilyOfUser(parseId(id), requireSession(context).userId),
  changePassword: async (_parent, { input }, context) =>
    signedInAs(
      context,
      await changePassword(
        context.prisma,
        context.runtime,
        requireSession(context).userId,
        input,
        context.caller.clientIp,
      ),
    ),

  issuePasswordReset: (_parent, { userId }, context) => {
    requireSession(context);
    return issuePasswordReset(context.prisma, parseId(userId, 'userId'));
  },
  resetPassword: async (_parent, { input }, context) => {
    await resetPassword(context.prisma, context.runtime, input, context.caller.clientIp);
    return true;
  },

  enrolTotp: async (_parent, _args, context) =>
    enrolTotp(context.prisma, context.runtime.sealer, await signedInUser(context)),
  confirmTotp: async (_parent, input, context) => ({
    codes: await confirmTotp(
      context.prisma,
      context.runtime,
      await signedInUser(context),
      input,
      context.caller.clientIp,
    ),
  }),
  disableTotp: async (_parent, { code }, context) => {
    const user = await signedInUser(context);
    await disableTotp(context.prisma, context.runtime, user, code, context.caller.clientIp);
    return user;
  },

  createApiKey: (_parent, { input }, { prisma, identity }) =>
    createApiKey(prisma, requireIdentity(identity), input),
  revokeApiKey: (_parent, { id }, { prisma, identity }) =>
    revokeApiKey(prisma, requireIdentity(identity), parseId(id)),

  rotateSigningKey: (_parent, _args, { runtime }) => runtime.signingKeys.rotate(),
};
