import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { User as UserModel, ApiKey as ApiKeyModel, SigningKey as SigningKeyModel } from '@mib/db';
import type { AuthPayload as AuthPayloadModel } from '../accounts/sessions.js';
import type { UsersContext } from '../context.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An instant, as an ISO-8601 string in UTC. */
  DateTime: { input: Date; output: Date | string; }
  _FieldSet: { input: unknown; output: unknown; }
};

/** A credential for programs: sent as `Authorization: Bearer mib_<id>_<secret>`. */
export type ApiKey = {
  __typename?: 'ApiKey';
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  /** When the key last authenticated a request (to the minute); null if never. */
  lastUsedAt?: Maybe<Scalars['DateTime']['output']>;
  name: Scalars['String']['output'];
  /** When the key was revoked; null while it works. */
  revokedAt?: Maybe<Scalars['DateTime']['output']>;
  /** What the key may do: a subset of its owner's scopes. */
  scopes: Array<Scalars['String']['output']>;
};

/**
 * A signed-in session. Send the access token as `Authorization: Bearer <accessToken>`; before it
 * expires (15 minutes), exchange the refresh token with `refresh`.
 */
export type AuthPayload = {
  __typename?: 'AuthPayload';
  /** An EdDSA-signed JWT; its public keys are at /.well-known/jwks.json on the users service. */
  accessToken: Scalars['String']['output'];
  accessTokenExpiresAt: Scalars['DateTime']['output'];
  refreshToken: Scalars['String']['output'];
  refreshTokenExpiresAt: Scalars['DateTime']['output'];
  user: User;
};

export type ChangePasswordInput = {
  currentPassword: Scalars['String']['input'];
  /** At least 12 characters, and not the current password. */
  newPassword: Scalars['String']['input'];
  /** One of the recovery codes, instead of totpCode. */
  recoveryCode?: InputMaybe<Scalars['String']['input']>;
  /** The current code of the authenticator app, when TOTP is enabled. */
  totpCode?: InputMaybe<Scalars['String']['input']>;
};

export type CreateApiKeyInput = {
  name: Scalars['String']['input'];
  /** Scopes such as orders:read; each must be one of yours. */
  scopes: Array<Scalars['String']['input']>;
};

export type CreatedApiKey = {
  __typename?: 'CreatedApiKey';
  apiKey: ApiKey;
  /** The full key, `mib_<id>_<secret>`. It cannot be shown again. */
  key: Scalars['String']['output'];
};

export type LogInInput = {
  email: Scalars['String']['input'];
  password: Scalars['String']['input'];
  /** One of the recovery codes, instead of totpCode. */
  recoveryCode?: InputMaybe<Scalars['String']['input']>;
  /** The current code of the authenticator app, when TOTP is enabled. */
  totpCode?: InputMaybe<Scalars['String']['input']>;
};

export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Sets a new password, given the current one (and with TOTP enabled, a totpCode or
   * recoveryCode). Ends every session of the account, this one included, and returns a new one;
   * API keys keep working.
   */
  changePassword: AuthPayload;
  /**
   * Enables TOTP with a code from the app and your current password (so a stolen session cannot
   * put its own factor on your account); returns ten single-use recovery codes, shown once. A
   * wrong password is BAD_USER_INPUT on currentPassword and counts as a login attempt.
   */
  confirmTotp: RecoveryCodes;
  /**
   * Creates an API key with some of your scopes. The key is in the payload, and only there. At most
   * 20 of a user's keys are live at once (BAD_USER_INPUT beyond: revoke one first).
   */
  createApiKey: CreatedApiKey;
  /**
   * Turns TOTP off, given a current code or an unused recovery code (for a lost authenticator: then
   * enrolTotp again). UNAUTHENTICATED for a wrong or spent code.
   */
  disableTotp: User;
  /** Ends one of your sessions (a device you no longer use). True when it was live. */
  endSession: Scalars['Boolean']['output'];
  /** Starts TOTP set-up: add the secret to an authenticator app, then confirmTotp. */
  enrolTotp: TotpEnrolment;
  /**
   * For a user who lost the password: a one-time reset token to hand over by another channel (the
   * support desk's path). It works once, for an hour; an earlier unused one stops working. Admins
   * only, from a signed-in session.
   */
  issuePasswordReset: PasswordReset;
  /**
   * Signs in. With TOTP enabled, also give totpCode (or a recoveryCode); without one the error
   * code is MFA_REQUIRED.
   */
  logIn: AuthPayload;
  /** Ends the session the refresh token belongs to. True when there was one. */
  logOut: Scalars['Boolean']['output'];
  /**
   * Ends every session of the account, this one included (a lost device, a shared computer);
   * returns how many were ended. API keys keep working.
   */
  logOutEverywhere: Scalars['Int']['output'];
  /**
   * Exchanges a refresh token for a new pair. Each refresh token works once; presenting a used
   * one ends its session.
   */
  refresh: AuthPayload;
  /**
   * Sets a new password with a token from issuePasswordReset and ends every session of the
   * account. Then log in with the new password (and the TOTP code, when enabled).
   */
  resetPassword: Scalars['Boolean']['output'];
  /**
   * Revokes an API key: refused at once by the users subgraph, and by the gateway within 30 s (it
   * remembers each key's check that long; open WebSockets close within 40 s). Signed in, any of
   * yours; with an API key, only that key.
   */
  revokeApiKey: ApiKey;
  /** Retires every access-token signing key and starts a new one. Admins only. */
  rotateSigningKey: SigningKey;
  /** Creates a trader account and signs it in. */
  signUp: AuthPayload;
};


export type MutationChangePasswordArgs = {
  input: ChangePasswordInput;
};


export type MutationConfirmTotpArgs = {
  code: Scalars['String']['input'];
  currentPassword: Scalars['String']['input'];
};


export type MutationCreateApiKeyArgs = {
  input: CreateApiKeyInput;
};


export type MutationDisableTotpArgs = {
  code: Scalars['String']['input'];
};


export type MutationEndSessionArgs = {
  id: Scalars['ID']['input'];
};


export type MutationIssuePasswordResetArgs = {
  userId: Scalars['ID']['input'];
};


export type MutationLogInArgs = {
  input: LogInInput;
};


export type MutationLogOutArgs = {
  refreshToken: Scalars['String']['input'];
};


export type MutationRefreshArgs = {
  refreshToken: Scalars['String']['input'];
};


export type MutationResetPasswordArgs = {
  input: ResetPasswordInput;
};


export type MutationRevokeApiKeyArgs = {
  id: Scalars['ID']['input'];
};


export type MutationSignUpArgs = {
  input: SignUpInput;
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

/** A password reset token, shown once. */
export type PasswordReset = {
  __typename?: 'PasswordReset';
  expiresAt: Scalars['DateTime']['output'];
  token: Scalars['String']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** The signed-in user. */
  me: User;
  /** The user with this id, or null when there is none. */
  user?: Maybe<User>;
  /** All users, oldest first. Admins only. */
  users: UserConnection;
};


export type QueryUserArgs = {
  id: Scalars['ID']['input'];
};


export type QueryUsersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type RecoveryCodes = {
  __typename?: 'RecoveryCodes';
  /** Single-use codes that stand in for a TOTP code. Store them somewhere safe. */
  codes: Array<Scalars['String']['output']>;
};

export type ResetPasswordInput = {
  /** At least 12 characters. */
  newPassword: Scalars['String']['input'];
  token: Scalars['String']['input'];
};

export type Role =
  | 'ADMIN'
  | 'ANALYST'
  | 'TRADER';

/** One sign-in, live until it logs out, is ended, or goes unrefreshed until its refresh token expires. */
export type Session = {
  __typename?: 'Session';
  /** Whether the request asking is made with this session's access token. */
  current: Scalars['Boolean']['output'];
  id: Scalars['ID']['output'];
  startedAt: Scalars['DateTime']['output'];
};

export type SignUpInput = {
  displayName: Scalars['String']['input'];
  email: Scalars['String']['input'];
  /** At least 12 characters. */
  password: Scalars['String']['input'];
};

/** A key that signs access tokens. */
export type SigningKey = {
  __typename?: 'SigningKey';
  createdAt: Scalars['DateTime']['output'];
  kid: Scalars['ID']['output'];
  retiredAt?: Maybe<Scalars['DateTime']['output']>;
};

export type TotpEnrolment = {
  __typename?: 'TotpEnrolment';
  /** Base32 secret, to type into an authenticator app. */
  secret: Scalars['String']['output'];
  /** otpauth:// URI, to show as a QR code. */
  uri: Scalars['String']['output'];
};

/**
 * A person who uses the platform. Other subgraphs extend User with what they own:
 * orders, portfolio, risk profile, watchlist.
 */
export type User = {
  __typename?: 'User';
  /** The user's API keys, newest first, revoked ones included. The user and admins only. */
  apiKeys: Array<ApiKey>;
  createdAt: Scalars['DateTime']['output'];
  displayName: Scalars['String']['output'];
  /** Readable by the user and by admins only (and in the AuthPayload of the user's own sign-in). */
  email: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** Unused recovery codes left. The user and admins only. */
  recoveryCodesRemaining: Scalars['Int']['output'];
  role: Role;
  /** Where the user is signed in (each sign-in, a device or browser), oldest first. The user and admins only. */
  sessions: Array<Session>;
  /** Whether logging in needs a TOTP code. The user and admins only. */
  totpEnabled: Scalars['Boolean']['output'];
};

export type UserConnection = {
  __typename?: 'UserConnection';
  edges: Array<UserEdge>;
  pageInfo: PageInfo;
};

export type UserEdge = {
  __typename?: 'UserEdge';
  cursor: Scalars['String']['output'];
  node: User;
};

export type WithIndex<TObject> = TObject & Record<string, any>;
export type ResolversObject<TObject> = WithIndex<TObject>;

export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info?: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info?: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info?: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info?: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info?: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info?: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info?: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = ResolversObject<{
  User: User;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  User:
    ( { __typename: 'User' }
    & GraphQLRecursivePick<FederationTypes['User'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  ApiKey: ResolverTypeWrapper<ApiKeyModel>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  AuthPayload: ResolverTypeWrapper<AuthPayloadModel>;
  ChangePasswordInput: ChangePasswordInput;
  CreateApiKeyInput: CreateApiKeyInput;
  CreatedApiKey: ResolverTypeWrapper<Omit<CreatedApiKey, 'apiKey'> & { apiKey: ResolversTypes['ApiKey'] }>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  LogInInput: LogInInput;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PasswordReset: ResolverTypeWrapper<PasswordReset>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RecoveryCodes: ResolverTypeWrapper<RecoveryCodes>;
  ResetPasswordInput: ResetPasswordInput;
  Role: Role;
  Session: ResolverTypeWrapper<Session>;
  SignUpInput: SignUpInput;
  SigningKey: ResolverTypeWrapper<SigningKeyModel>;
  TotpEnrolment: ResolverTypeWrapper<TotpEnrolment>;
  User: ResolverTypeWrapper<UserModel>;
  UserConnection: ResolverTypeWrapper<Omit<UserConnection, 'edges'> & { edges: Array<ResolversTypes['UserEdge']> }>;
  UserEdge: ResolverTypeWrapper<Omit<UserEdge, 'node'> & { node: ResolversTypes['User'] }>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  ApiKey: ApiKeyModel;
  ID: Scalars['ID']['output'];
  String: Scalars['String']['output'];
  AuthPayload: AuthPayloadModel;
  ChangePasswordInput: ChangePasswordInput;
  CreateApiKeyInput: CreateApiKeyInput;
  CreatedApiKey: Omit<CreatedApiKey, 'apiKey'> & { apiKey: ResolversParentTypes['ApiKey'] };
  DateTime: Scalars['DateTime']['output'];
  LogInInput: LogInInput;
  Mutation: Record<PropertyKey, never>;
  Boolean: Scalars['Boolean']['output'];
  Int: Scalars['Int']['output'];
  PageInfo: PageInfo;
  PasswordReset: PasswordReset;
  Query: Record<PropertyKey, never>;
  RecoveryCodes: RecoveryCodes;
  ResetPasswordInput: ResetPasswordInput;
  Session: Session;
  SignUpInput: SignUpInput;
  SigningKey: SigningKeyModel;
  TotpEnrolment: TotpEnrolment;
  User: UserModel;
  UserConnection: Omit<UserConnection, 'edges'> & { edges: Array<ResolversParentTypes['UserEdge']> };
  UserEdge: Omit<UserEdge, 'node'> & { node: ResolversParentTypes['User'] };
}>;

export type ApiKeyResolvers<ContextType = UsersContext, ParentType extends ResolversParentTypes['ApiKey'] = ResolversParentTypes['ApiKey']> = ResolversObject<{
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastUsedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  revokedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  scopes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type AuthPayloadResolvers<ContextType = UsersContext, ParentType extends ResolversParentTypes['AuthPayload'] = ResolversParentTypes['AuthPayload']> = ResolversObject<{
  accessToken?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  accessTokenExpiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  refreshToken?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  refreshTokenExpiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
}>;

export type CreatedApiKeyResolvers<ContextType = UsersContext, ParentType extends ResolversParentTypes['CreatedApiKey'] = ResolversParentTypes['CreatedApiKey']> = ResolversObject<{
  apiKey?: Resolver<ResolversTypes['ApiKey'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type MutationResolvers<ContextType = UsersContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  changePassword?: Resolver<ResolversTypes['AuthPayload'], ParentType, ContextType, RequireFields<MutationChangePasswordArgs, 'input'>>;
  confirmTotp?: Resolver<ResolversTypes['RecoveryCodes'], ParentType, ContextType, RequireFields<MutationConfirmTotpArgs, 'code' | 'currentPassword'>>;
  createApiKey?: Resolver<ResolversTypes['CreatedApiKey'], ParentType, ContextType, RequireFields<MutationCreateApiKeyArgs, 'input'>>;
  disableTotp?: Resolver<ResolversTypes['User'], ParentType, ContextType, RequireFields<MutationDisableTotpArgs, 'code'>>;
  endSession?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationEndSessionArgs, 'id'>>;
  enrolTotp?: Resolver<ResolversTypes['TotpEnrolment'], ParentType, ContextType>;
  issuePasswordReset?: Resolver<ResolversTypes['PasswordReset'], ParentType, ContextType, RequireFields<MutationIssuePasswordResetArgs, 'userId'>>;
  logIn?: Resolver<ResolversTypes['AuthPayload'], ParentType, ContextType, RequireFields<MutationLogInArgs, 'input'>>;
  logOut?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationLogOutArgs, 'refreshToken'>>;
  logOutEverywhere?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  refresh?: Resolver<ResolversTypes['AuthPayload'], ParentType, ContextType, RequireFields<MutationRefreshArgs, 'refreshToken'>>;
  resetPassword?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationResetPasswordArgs, 'input'>>;
  revokeApiKey?: Resolver<ResolversTypes['ApiKey'], ParentType, ContextType, RequireFields<MutationRevokeApiKeyArgs, 'id'>>;
  rotateSigningKey?: Resolver<ResolversTypes['SigningKey'], ParentType, ContextType>;
  signUp?: Resolver<ResolversTypes['AuthPayload'], ParentType, ContextType, RequireFields<MutationSignUpArgs, 'input'>>;
}>;

export type PageInfoResolvers<ContextType = UsersContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type PasswordResetResolvers<ContextType = UsersContext, ParentType extends ResolversParentTypes['PasswordReset'] = ResolversParentTypes['PasswordReset']> = ResolversObject<{
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  token?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = UsersContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  me?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType, RequireFields<QueryUserArgs, 'id'>>;
  users?: Resolver<ResolversTypes['UserConnection'], ParentType, ContextType, RequireFields<QueryUsersArgs, 'first'>>;
}>;

export type RecoveryCodesResolvers<ContextType = UsersContext, ParentType extends ResolversParentTypes['RecoveryCodes'] = ResolversParentTypes['RecoveryCodes']> = ResolversObject<{
  codes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type SessionResolvers<ContextType = UsersContext, ParentType extends ResolversParentTypes['Session'] = ResolversParentTypes['Session']> = ResolversObject<{
  current?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  startedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
}>;

export type SigningKeyResolvers<ContextType = UsersContext, ParentType extends ResolversParentTypes['SigningKey'] = ResolversParentTypes['SigningKey']> = ResolversObject<{
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  kid?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  retiredAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
}>;

export type TotpEnrolmentResolvers<ContextType = UsersContext, ParentType extends ResolversParentTypes['TotpEnrolment'] = ResolversParentTypes['TotpEnrolment']> = ResolversObject<{
  secret?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  uri?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type UserResolvers<ContextType = UsersContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User'], FederationReferenceType extends FederationReferenceTypes['User'] = FederationReferenceTypes['User']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['User']> | FederationReferenceType, FederationReferenceType, ContextType>;
  apiKeys?: Resolver<Array<ResolversTypes['ApiKey']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  displayName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  recoveryCodesRemaining?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['Role'], ParentType, ContextType>;
  sessions?: Resolver<Array<ResolversTypes['Session']>, ParentType, ContextType>;
  totpEnabled?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type UserConnectionResolvers<ContextType = UsersContext, ParentType extends ResolversParentTypes['UserConnection'] = ResolversParentTypes['UserConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['UserEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type UserEdgeResolvers<ContextType = UsersContext, ParentType extends ResolversParentTypes['UserEdge'] = ResolversParentTypes['UserEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = UsersContext> = ResolversObject<{
  ApiKey?: ApiKeyResolvers<ContextType>;
  AuthPayload?: AuthPayloadResolvers<ContextType>;
  CreatedApiKey?: CreatedApiKeyResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PasswordReset?: PasswordResetResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RecoveryCodes?: RecoveryCodesResolvers<ContextType>;
  Session?: SessionResolvers<ContextType>;
  SigningKey?: SigningKeyResolvers<ContextType>;
  TotpEnrolment?: TotpEnrolmentResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
  UserConnection?: UserConnectionResolvers<ContextType>;
  UserEdge?: UserEdgeResolvers<ContextType>;
}>;

