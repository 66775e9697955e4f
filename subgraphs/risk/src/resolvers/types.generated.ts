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

export type Drawdown = {
  __typename?: 'Drawdown';
  /** Largest peak-to-trough fall of the positions' value, in USD; at least 0. */
  amount: Scalars['Float']['output'];
  /** Daily closes the value series covers. */
  days: Scalars['Int']['output'];
  /** Open time of the candle at the peak and at the trough; null when the value never fell. */
  peakAt?: Maybe<Scalars['DateTime']['output']>;
  /** amount / value at the peak; null when that peak is not positive (as for a short book). */
  ratio?: Maybe<Scalars['Float']['output']>;
  troughAt?: Maybe<Scalars['DateTime']['output']>;
};

/**
 * What an account has at stake, by notional value (quantity × price) in USD, the reporting
 * currency. A position whose currency no FX quote links to USD is listed with a null notional and
 * makes the totals and shares null: a sum that left it out would look complete.
 */
export type Exposure = {
  __typename?: 'Exposure';
  /** Σ |notional| over open positions, in USD; null when a position has no notional. */
  grossNotional?: Maybe<Scalars['Decimal']['output']>;
  /** Σ notional, in USD: longs minus shorts; null when a position has no notional. */
  netNotional?: Maybe<Scalars['Decimal']['output']>;
  /** Open positions, largest |notional| first, then those without a notional by symbol. */
  positions: Array<SymbolExposure>;
};

export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Marks one of the caller's risk alerts acknowledged (an admin's: anyone's) and returns it, so it
   * leaves `alerts(unacknowledgedOnly: true)`; acknowledging it again changes nothing. A read
   * receipt, so `risk:read` suffices. NOT_FOUND for an unknown alert, FORBIDDEN for another user's
   * (nothing changes then).
   */
  acknowledgeRiskAlert: RiskAlert;
  /**
   * Sets a user's limits (admins only): stored and pushed to the engine's pre-trade checks, so the next order is checked against them.
   * maxPosition is one of those checks; maxPositionNotional is checked after each trade by the risk monitor, which raises a
   * POSITION_LIMIT_EXCEEDED alert when a trade leaves a position's USD value above it, once per breach (again only
   * after a trade has taken the position back within it). BAD_USER_INPUT for a
   * limit that is not positive or has more decimals than it is kept with; NOT_FOUND for an unknown
   * user.
   */
  setRiskLimits: RiskProfile;
};


export type MutationAcknowledgeRiskAlertArgs = {
  id: Scalars['ID']['input'];
};


export type MutationSetRiskLimitsArgs = {
  input: SetRiskLimitsInput;
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** The risk profile with this id, or null; FORBIDDEN when it is another user's. */
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

/**
 * The pre-trade limits that apply to one user's orders, and the alerts raised against them; seen
 * only by that user (or an admin).
 */
export type RiskProfile = {
  __typename?: 'RiskProfile';
  /** Alerts, newest first. */
  alerts: RiskAlertConnection;
  /**
   * Maximum drawdown of the current positions over the last `days` daily closes: the largest fall
   * of Σ quantity × close × USD rate from a running peak to a later trough. Quantities and rates
   * are today's (historical FX moves are not simulated), so this is the drawdown today's book
   * would have had, not the account's realised equity curve. Null when the held instruments share
   * no daily close or one's currency has no USD rate.
   */
  drawdown?: Maybe<Drawdown>;
  /**
   * The user's open net positions (kept by the risk monitor from trades) valued at the latest
   * quote: last trade price, else bid/ask mid, else the last trade the monitor saw; notionals in
   * USD at the latest FX quotes.
   */
  exposure: Exposure;
  id: Scalars['ID']['output'];
  /** Most orders that may rest at once. */
  maxOpenOrders: Scalars['Int']['output'];
  /**
   * Largest price × quantity of a single order, in the instrument's own (quote) currency, not
   * converted: the engine checks each order without FX rates, so 100000 allows 100000 USD of AAPL
   * but only 100000 JPY of USDJPY.
   */
  maxOrderNotional: Scalars['Decimal']['output'];
  /** Largest quantity of a single order. */
  maxOrderQuantity: Scalars['Decimal']['output'];
  /**
   * Largest position per instrument, in units: the engine rejects an order (POSITION_LIMIT_EXCEEDED)
   * when |position| plus the worst case of the open orders, this one included, would exceed it.
   */
  maxPosition: Scalars['Decimal']['output'];
  /**
   * Largest absolute position value per instrument in USD (|quantity| × trade price, converted at
   * the latest FX quote), alerted on after trades. A position whose currency no FX quote links to
   * USD is not checked (the risk monitor logs a warning instead).
   */
  maxPositionNotional: Scalars['Decimal']['output'];
  /** Fat-finger band: a limit price may stray at most this many basis points from the last trade. */
  priceBandBps: Scalars['Int']['output'];
  updatedAt: Scalars['DateTime']['output'];
  user: User;
  /**
   * One-day historical-simulation VaR of the current positions over daily (D1) candles: each of
   * the last `days` days with a close-to-close return for every held instrument is a scenario;
   * VaR is the ⌈N × (1 − confidence)⌉-th largest scenario loss, no interpolation. Floating point.
   * In USD: each position's value is converted at today's rate (latest FX quote) and a scenario
   * moves only instrument prices; historical FX moves are not simulated. Null when a held
   * instrument has no daily history or its currency no USD rate.
   */
  valueAtRisk?: Maybe<ValueAtRisk>;
};


/**
 * The pre-trade limits that apply to one user's orders, and the alerts raised against them; seen
 * only by that user (or an admin).
 */
export type RiskProfileAlertsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  unacknowledgedOnly?: InputMaybe<Scalars['Boolean']['input']>;
};


/**
 * The pre-trade limits that apply to one user's orders, and the alerts raised against them; seen
 * only by that user (or an admin).
 */
export type RiskProfileDrawdownArgs = {
  days?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * The pre-trade limits that apply to one user's orders, and the alerts raised against them; seen
 * only by that user (or an admin).
 */
export type RiskProfileValueAtRiskArgs = {
  confidence?: InputMaybe<Scalars['Float']['input']>;
  days?: InputMaybe<Scalars['Int']['input']>;
};

export type SetRiskLimitsInput = {
  /** 1 to 1 000 000. */
  maxOpenOrders: Scalars['Int']['input'];
  /**
   * Positive, up to 4 decimal places. In each instrument's own (quote) currency, not converted:
   * the engine checks orders without FX rates.
   */
  maxOrderNotional: Scalars['Decimal']['input'];
  /** Positive, up to 8 decimal places. */
  maxOrderQuantity: Scalars['Decimal']['input'];
  /**
   * Positive, up to 8 decimal places, in units of the instrument (the engine's default for accounts
   * without limits is 10 000 000). Counts open orders too, as the engine checks it.
   */
  maxPosition: Scalars['Decimal']['input'];
  /** Positive, up to 4 decimal places. In USD: positions are converted at the latest FX quote. */
  maxPositionNotional: Scalars['Decimal']['input'];
  /** 1 to 10 000 basis points. */
  priceBandBps: Scalars['Int']['input'];
  /** The user whose limits these are. */
  userId: Scalars['ID']['input'];
};

export type Subscription = {
  __typename?: 'Subscription';
  /** The signed-in user's risk alerts as they are raised. UNAUTHENTICATED when anonymous. */
  riskAlerts: RiskAlert;
};

export type SymbolExposure = {
  __typename?: 'SymbolExposure';
  /**
   * |notional| / grossNotional, between 0 and 1: the position's share of what is at stake; null
   * when grossNotional is.
   */
  concentration?: Maybe<Scalars['Float']['output']>;
  /**
   * ISO 4217 code of the instrument's (quote) currency, the one `price` is in; null when the
   * symbol is not in the instrument catalogue.
   */
  currency?: Maybe<Scalars['String']['output']>;
  /**
   * quantity × price in USD: unchanged for USD, else converted at the latest FX quote and rounded
   * half to even to 4 decimal places. Null when no FX quote links `currency` to USD.
   */
  notional?: Maybe<Scalars['Decimal']['output']>;
  /** The price the position is valued at, in `currency`. */
  price: Scalars['Decimal']['output'];
  /** Signed: negative for a short. */
  quantity: Scalars['Decimal']['output'];
  symbol: Scalars['String']['output'];
};

export type User = {
  __typename?: 'User';
  id: Scalars['ID']['output'];
  /** Null when no limits have been set for the user. FORBIDDEN for anyone but the user and admins. */
  riskProfile?: Maybe<RiskProfile>;
};

export type ValueAtRisk = {
  __typename?: 'ValueAtRisk';
  /** One-day loss in USD not exceeded with the given confidence; at least 0. */
  amount: Scalars['Float']['output'];
  confidence: Scalars['Float']['output'];
  /** Daily scenarios the estimate rests on (at most `days`). */
  scenarios: Scalars['Int']['output'];
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
  Drawdown: ResolverTypeWrapper<Drawdown>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Exposure: ResolverTypeWrapper<Exposure>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RiskAlert: ResolverTypeWrapper<RiskAlertModel>;
  RiskAlertConnection: ResolverTypeWrapper<Omit<RiskAlertConnection, 'edges'> & { edges: Array<ResolversTypes['RiskAlertEdge']> }>;
  RiskAlertEdge: ResolverTypeWrapper<Omit<RiskAlertEdge, 'node'> & { node: ResolversTypes['RiskAlert'] }>;
  RiskProfile: ResolverTypeWrapper<RiskProfileModel>;
  SetRiskLimitsInput: SetRiskLimitsInput;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  SymbolExposure: ResolverTypeWrapper<SymbolExposure>;
  User: ResolverTypeWrapper<{ id: string }>;
  ValueAtRisk: ResolverTypeWrapper<ValueAtRisk>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  DateTime: Scalars['DateTime']['output'];
  Decimal: Scalars['Decimal']['output'];
  Drawdown: Drawdown;
  Float: Scalars['Float']['output'];
  Int: Scalars['Int']['output'];
  Exposure: Exposure;
  Mutation: Record<PropertyKey, never>;
  ID: Scalars['ID']['output'];
  PageInfo: PageInfo;
  String: Scalars['String']['output'];
  Boolean: Scalars['Boolean']['output'];
  Query: Record<PropertyKey, never>;
  RiskAlert: RiskAlertModel;
  RiskAlertConnection: Omit<RiskAlertConnection, 'edges'> & { edges: Array<ResolversParentTypes['RiskAlertEdge']> };
  RiskAlertEdge: Omit<RiskAlertEdge, 'node'> & { node: ResolversParentTypes['RiskAlert'] };
  RiskProfile: RiskProfileModel;
  SetRiskLimitsInput: SetRiskLimitsInput;
  Subscription: Record<PropertyKey, never>;
  SymbolExposure: SymbolExposure;
  User: { id: string };
  ValueAtRisk: ValueAtRisk;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export interface DecimalScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Decimal'], any> {
  name: 'Decimal';
}

export type DrawdownResolvers<ContextType = RiskContext, ParentType extends ResolversParentTypes['Drawdown'] = ResolversParentTypes['Drawdown']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  days?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  peakAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  ratio?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  troughAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
}>;

export type ExposureResolvers<ContextType = RiskContext, ParentType extends ResolversParentTypes['Exposure'] = ResolversParentTypes['Exposure']> = ResolversObject<{
  grossNotional?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  netNotional?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  positions?: Resolver<Array<ResolversTypes['SymbolExposure']>, ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = RiskContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  acknowledgeRiskAlert?: Resolver<ResolversTypes['RiskAlert'], ParentType, ContextType, RequireFields<MutationAcknowledgeRiskAlertArgs, 'id'>>;
  setRiskLimits?: Resolver<ResolversTypes['RiskProfile'], ParentType, ContextType, RequireFields<MutationSetRiskLimitsArgs, 'input'>>;
}>;

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
  drawdown?: Resolver<Maybe<ResolversTypes['Drawdown']>, ParentType, ContextType, RequireFields<RiskProfileDrawdownArgs, 'days'>>;
  exposure?: Resolver<ResolversTypes['Exposure'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  maxOpenOrders?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  maxOrderNotional?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  maxOrderQuantity?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  maxPosition?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  maxPositionNotional?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  priceBandBps?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  valueAtRisk?: Resolver<Maybe<ResolversTypes['ValueAtRisk']>, ParentType, ContextType, RequireFields<RiskProfileValueAtRiskArgs, 'confidence' | 'days'>>;
}>;

export type SubscriptionResolvers<ContextType = RiskContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = ResolversObject<{
  riskAlerts?: SubscriptionResolver<ResolversTypes['RiskAlert'], "riskAlerts", ParentType, ContextType>;
}>;

export type SymbolExposureResolvers<ContextType = RiskContext, ParentType extends ResolversParentTypes['SymbolExposure'] = ResolversParentTypes['SymbolExposure']> = ResolversObject<{
  concentration?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  currency?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  notional?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  price?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  symbol?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type UserResolvers<ContextType = RiskContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User'], FederationReferenceType extends FederationReferenceTypes['User'] = FederationReferenceTypes['User']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['User']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  riskProfile?: Resolver<Maybe<ResolversTypes['RiskProfile']>, ParentType, ContextType>;
}>;

export type ValueAtRiskResolvers<ContextType = RiskContext, ParentType extends ResolversParentTypes['ValueAtRisk'] = ResolversParentTypes['ValueAtRisk']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  confidence?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  scenarios?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = RiskContext> = ResolversObject<{
  DateTime?: GraphQLScalarType;
  Decimal?: GraphQLScalarType;
  Drawdown?: DrawdownResolvers<ContextType>;
  Exposure?: ExposureResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RiskAlert?: RiskAlertResolvers<ContextType>;
  RiskAlertConnection?: RiskAlertConnectionResolvers<ContextType>;
  RiskAlertEdge?: RiskAlertEdgeResolvers<ContextType>;
  RiskProfile?: RiskProfileResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  SymbolExposure?: SymbolExposureResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
  ValueAtRisk?: ValueAtRiskResolvers<ContextType>;
}>;

