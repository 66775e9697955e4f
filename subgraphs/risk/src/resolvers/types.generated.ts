import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { RiskProfile as RiskProfileModel, RiskAlert as RiskAlertModel } from '@mib/db';
import type { RiskContext } from '../context.js';
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
  /** An exact decimal number as a string, such as "189.25". */
  Decimal: { input: string; output: import('@mib/subgraph-kit').DecimalOutput; }
  _FieldSet: { input: unknown; output: unknown; }
};

export type AlertSeverity =
  | 'CRITICAL'
  | 'INFO'
  | 'WARNING';

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** The risk profile with this id, or null. */
  riskProfile?: Maybe<RiskProfile>;
};


export type QueryRiskProfileArgs = {
  id: Scalars['ID']['input'];
};

export type RiskAlert = {
  __typename?: 'RiskAlert';
  acknowledged: Scalars['Boolean']['output'];
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  /** Machine-readable kind, such as POSITION_LIMIT or PRICE_BAND. */
  kind: Scalars['String']['output'];
  message: Scalars['String']['output'];
  severity: AlertSeverity;
};

export type RiskAlertConnection = {
  __typename?: 'RiskAlertConnection';
  edges: Array<RiskAlertEdge>;
  pageInfo: PageInfo;
};

export type RiskAlertEdge = {
  __typename?: 'RiskAlertEdge';
  cursor: Scalars['String']['output'];
  node: RiskAlert;
};

/** The pre-trade limits that apply to one user's orders, and the alerts raised against them. */
export type RiskProfile = {
  __typename?: 'RiskProfile';
  /** Alerts, newest first. */
  alerts: RiskAlertConnection;
  id: Scalars['ID']['output'];
  /** Most orders that may rest at once. */
  maxOpenOrders: Scalars['Int']['output'];
  /** Largest price × quantity of a single order. */
  maxOrderNotional: Scalars['Decimal']['output'];
  /** Largest quantity of a single order. */
  maxOrderQuantity: Scalars['Decimal']['output'];
  /** Largest absolute position value per instrument. */
  maxPositionNotional: Scalars['Decimal']['output'];
  /** Fat-finger band: a limit price may stray at most this many basis points from the last trade. */
  priceBandBps: Scalars['Int']['output'];
  updatedAt: Scalars['DateTime']['output'];
  user: User;
};


/** The pre-trade limits that apply to one user's orders, and the alerts raised against them. */
export type RiskProfileAlertsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  unacknowledgedOnly?: InputMaybe<Scalars['Boolean']['input']>;
};

export type User = {
  __typename?: 'User';
  id: Scalars['ID']['output'];
  /** Null when no limits have been set for the user. */
  riskProfile?: Maybe<RiskProfile>;
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
  RiskAlert: RiskAlert;
  RiskProfile: RiskProfile;
  User: User;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  RiskAlert:
    ( { __typename: 'RiskAlert' }
    & GraphQLRecursivePick<FederationTypes['RiskAlert'], {"id":true}> );
  RiskProfile:
    ( { __typename: 'RiskProfile' }
    & GraphQLRecursivePick<FederationTypes['RiskProfile'], {"id":true}> );
  User:
    ( { __typename: 'User' }
    & GraphQLRecursivePick<FederationTypes['User'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  AlertSeverity: AlertSeverity;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Decimal: ResolverTypeWrapper<Scalars['Decimal']['output']>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  RiskAlert: ResolverTypeWrapper<RiskAlertModel>;
  RiskAlertConnection: ResolverTypeWrapper<Omit<RiskAlertConnection, 'edges'> & { edges: Array<ResolversTypes['RiskAlertEdge']> }>;
  RiskAlertEdge: ResolverTypeWrapper<Omit<RiskAlertEdge, 'node'> & { node: ResolversTypes['RiskAlert'] }>;
  RiskProfile: ResolverTypeWrapper<RiskProfileModel>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  User: ResolverTypeWrapper<{ id: string }>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  DateTime: Scalars['DateTime']['output'];
  Decimal: Scalars['Decimal']['output'];
  PageInfo: PageInfo;
  String: Scalars['String']['output'];
  Boolean: Scalars['Boolean']['output'];
  Query: Record<PropertyKey, never>;
  ID: Scalars['ID']['output'];
  RiskAlert: RiskAlertModel;
  RiskAlertConnection: Omit<RiskAlertConnection, 'edges'> & { edges: Array<ResolversParentTypes['RiskAlertEdge']> };
  RiskAlertEdge: Omit<RiskAlertEdge, 'node'> & { node: ResolversParentTypes['RiskAlert'] };
  RiskProfile: RiskProfileModel;
  Int: Scalars['Int']['output'];
  User: { id: string };
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export interface DecimalScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Decimal'], any> {
  name: 'Decimal';
}

export type PageInfoResolvers<ContextType = RiskContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = RiskContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  riskProfile?: Resolver<Maybe<ResolversTypes['RiskProfile']>, ParentType, ContextType, RequireFields<QueryRiskProfileArgs, 'id'>>;
}>;

export type RiskAlertResolvers<ContextType = RiskContext, ParentType extends ResolversParentTypes['RiskAlert'] = ResolversParentTypes['RiskAlert'], FederationReferenceType extends FederationReferenceTypes['RiskAlert'] = FederationReferenceTypes['RiskAlert']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['RiskAlert']> | FederationReferenceType, FederationReferenceType, ContextType>;
  acknowledged?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  severity?: Resolver<ResolversTypes['AlertSeverity'], ParentType, ContextType>;
}>;

export type RiskAlertConnectionResolvers<ContextType = RiskContext, ParentType extends ResolversParentTypes['RiskAlertConnection'] = ResolversParentTypes['RiskAlertConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['RiskAlertEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type RiskAlertEdgeResolvers<ContextType = RiskContext, ParentType extends ResolversParentTypes['RiskAlertEdge'] = ResolversParentTypes['RiskAlertEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['RiskAlert'], ParentType, ContextType>;
}>;

export type RiskProfileResolvers<ContextType = RiskContext, ParentType extends ResolversParentTypes['RiskProfile'] = ResolversParentTypes['RiskProfile'], FederationReferenceType extends FederationReferenceTypes['RiskProfile'] = FederationReferenceTypes['RiskProfile']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['RiskProfile']> | FederationReferenceType, FederationReferenceType, ContextType>;
  alerts?: Resolver<ResolversTypes['RiskAlertConnection'], ParentType, ContextType, RequireFields<RiskProfileAlertsArgs, 'first' | 'unacknowledgedOnly'>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  maxOpenOrders?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  maxOrderNotional?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  maxOrderQuantity?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  maxPositionNotional?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  priceBandBps?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
}>;

export type UserResolvers<ContextType = RiskContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User'], FederationReferenceType extends FederationReferenceTypes['User'] = FederationReferenceTypes['User']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['User']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  riskProfile?: Resolver<Maybe<ResolversTypes['RiskProfile']>, ParentType, ContextType>;
}>;

export type Resolvers<ContextType = RiskContext> = ResolversObject<{
  DateTime?: GraphQLScalarType;
  Decimal?: GraphQLScalarType;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RiskAlert?: RiskAlertResolvers<ContextType>;
  RiskAlertConnection?: RiskAlertConnectionResolvers<ContextType>;
  RiskAlertEdge?: RiskAlertEdgeResolvers<ContextType>;
  RiskProfile?: RiskProfileResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
}>;

