import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { Portfolio as PortfolioModel, Position as PositionModel, CashBalance as CashBalanceModel } from '@mib/db';
import type { PortfolioContext } from '../context.js';
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

/** Cash held in one currency. */
export type CashBalance = {
  __typename?: 'CashBalance';
  /** Negative when more was spent in the currency than it received. */
  amount: Scalars['Decimal']['output'];
  /** ISO 4217 code. */
  currency: Scalars['String']['output'];
};

export type Instrument = {
  __typename?: 'Instrument';
  id: Scalars['ID']['output'];
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

/** A user's cash and positions, seen only by that user (or an admin). */
export type Portfolio = {
  __typename?: 'Portfolio';
  /**
   * ISO 4217 code of the currency the portfolio's totals (cash, P&L, equity) are reported in. Amounts
   * in another currency are converted at the latest FX rate: the mark price (last trade, else bid/ask
   * mid) of the pair quoting one against the other, directly, inverted or crossed through USD.
   */
  baseCurrency: Scalars['String']['output'];
  /**
   * All cash in the base currency: each of cashBalances converted at the latest FX rate, summed
   * exactly, then rounded once, half to even, to 4 places (the scale cash is kept at). Null when a
   * currency held has no rate to the base currency.
   */
  cash?: Maybe<Scalars['Decimal']['output']>;
  /**
   * Cash per currency, the base currency first, then by code. A fill moves the cash of its
   * instrument's currency (JPY for USDJPY) by −price × quantity on a buy and +price × quantity on a
   * sell, rounded to 4 places; a currency appears once it has been traded.
   */
  cashBalances: Array<CashBalance>;
  /**
   * What the portfolio is worth in the base currency: cash plus the market value of open positions
   * (shorts negative), converted and rounded as for cash, the sum rounded once. Null when an open
   * position has no market price or a currency no rate.
   */
  equity?: Maybe<Scalars['Decimal']['output']>;
  id: Scalars['ID']['output'];
  /** Open and closed positions, by instrument. */
  positions: PositionConnection;
  /**
   * Sum of realized P&L over all positions in the base currency, each instrument currency's sum
   * converted at the latest FX rate, rounded as for cash. Null when a currency has no rate.
   */
  realizedPnl?: Maybe<Scalars['Decimal']['output']>;
  /**
   * Sum of unrealized P&L over open positions, each marked at its market price (see
   * Position.marketPrice), in the base currency and rounded as for cash: the exact sum of the
   * positions' unrealizedPnl rounded once. Null when an open position has no market price or its
   * currency no rate; zero with none open.
   */
  unrealizedPnl?: Maybe<Scalars['Decimal']['output']>;
  user: User;
};


/** A user's cash and positions, seen only by that user (or an admin). */
export type PortfolioPositionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** Holdings of one instrument in one portfolio. */
export type Position = {
  __typename?: 'Position';
  /**
   * Average price of the open quantity: re-averaged when a fill grows the position in its
   * direction, unchanged when one reduces it, the fill price when one crosses through zero.
   */
  averageCost: Scalars['Decimal']['output'];
  /** quantity × averageCost. */
  costBasis: Scalars['Decimal']['output'];
  /**
   * ISO 4217 code of the instrument's currency, which averageCost, costBasis, realizedPnl,
   * marketPrice, marketValue and unrealizedPnl are in.
   */
  currency: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  instrument: Instrument;
  /**
   * The price the position is marked at, from the instrument's latest quote: the last trade price,
   * else the mid of bid and ask when both are quoted; null when there is neither.
   */
  marketPrice?: Maybe<Scalars['Decimal']['output']>;
  /** quantity × marketPrice (negative for a short); zero when flat, null without a market price. */
  marketValue?: Maybe<Scalars['Decimal']['output']>;
  portfolio: Portfolio;
  /** Signed: negative for a short position. */
  quantity: Scalars['Decimal']['output'];
  /**
   * P&L realized by reducing or closing the position: (price − averageCost) × closed quantity for a
   * long, (averageCost − price) × closed quantity for a short, rounded to 4 places per fill.
   */
  realizedPnl: Scalars['Decimal']['output'];
  /**
   * (marketPrice − averageCost) × quantity, exact; zero when flat, null without a market price. As
   * averageCost is kept to 8 places, this can differ from market value less what the open quantity
   * cost by up to 0.000000005 × |quantity|.
   */
  unrealizedPnl?: Maybe<Scalars['Decimal']['output']>;
  updatedAt: Scalars['DateTime']['output'];
};

export type PositionConnection = {
  __typename?: 'PositionConnection';
  edges: Array<PositionEdge>;
  pageInfo: PageInfo;
};

export type PositionEdge = {
  __typename?: 'PositionEdge';
  cursor: Scalars['String']['output'];
  node: Position;
};

export type Query = {
  __typename?: 'Query';
  /** The portfolio with this id, or null; FORBIDDEN when it is another user's. */
  portfolio?: Maybe<Portfolio>;
};


export type QueryPortfolioArgs = {
  id: Scalars['ID']['input'];
};

export type Subscription = {
  __typename?: 'Subscription';
  /**
   * The signed-in user's portfolio after their trades, once every trade of theirs seen so far is
   * applied to cash and positions (the first trade creates it: base currency USD, no cash). Trades
   * that arrive while an update waits for that are folded into the next update, so a burst sends
   * few updates and the last one includes them all. A slow read model delays updates but never
   * ends the subscription. UNAUTHENTICATED for an anonymous caller.
   */
  myPortfolio: Portfolio;
};

export type User = {
  __typename?: 'User';
  id: Scalars['ID']['output'];
  /** Null when the user has no portfolio yet. FORBIDDEN for anyone but the user and admins. */
  portfolio?: Maybe<Portfolio>;
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
  Portfolio: Portfolio;
  Position: Position;
  User: User;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Portfolio:
    ( { __typename: 'Portfolio' }
    & GraphQLRecursivePick<FederationTypes['Portfolio'], {"id":true}> );
  Position:
    ( { __typename: 'Position' }
    & GraphQLRecursivePick<FederationTypes['Position'], {"id":true}> );
  User:
    ( { __typename: 'User' }
    & GraphQLRecursivePick<FederationTypes['User'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  CashBalance: ResolverTypeWrapper<CashBalanceModel>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Decimal: ResolverTypeWrapper<Scalars['Decimal']['output']>;
  Instrument: ResolverTypeWrapper<Instrument>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Portfolio: ResolverTypeWrapper<PortfolioModel>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Position: ResolverTypeWrapper<PositionModel>;
  PositionConnection: ResolverTypeWrapper<Omit<PositionConnection, 'edges'> & { edges: Array<ResolversTypes['PositionEdge']> }>;
  PositionEdge: ResolverTypeWrapper<Omit<PositionEdge, 'node'> & { node: ResolversTypes['Position'] }>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  User: ResolverTypeWrapper<{ id: string }>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  CashBalance: CashBalanceModel;
  String: Scalars['String']['output'];
  DateTime: Scalars['DateTime']['output'];
  Decimal: Scalars['Decimal']['output'];
  Instrument: Instrument;
  ID: Scalars['ID']['output'];
  PageInfo: PageInfo;
  Boolean: Scalars['Boolean']['output'];
  Portfolio: PortfolioModel;
  Int: Scalars['Int']['output'];
  Position: PositionModel;
  PositionConnection: Omit<PositionConnection, 'edges'> & { edges: Array<ResolversParentTypes['PositionEdge']> };
  PositionEdge: Omit<PositionEdge, 'node'> & { node: ResolversParentTypes['Position'] };
  Query: Record<PropertyKey, never>;
  Subscription: Record<PropertyKey, never>;
  User: { id: string };
}>;

export type CashBalanceResolvers<ContextType = PortfolioContext, ParentType extends ResolversParentTypes['CashBalance'] = ResolversParentTypes['CashBalance']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export interface DecimalScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Decimal'], any> {
  name: 'Decimal';
}

export type InstrumentResolvers<ContextType = PortfolioContext, ParentType extends ResolversParentTypes['Instrument'] = ResolversParentTypes['Instrument']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type PageInfoResolvers<ContextType = PortfolioContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type PortfolioResolvers<ContextType = PortfolioContext, ParentType extends ResolversParentTypes['Portfolio'] = ResolversParentTypes['Portfolio'], FederationReferenceType extends FederationReferenceTypes['Portfolio'] = FederationReferenceTypes['Portfolio']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Portfolio']> | FederationReferenceType, FederationReferenceType, ContextType>;
  baseCurrency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  cash?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  cashBalances?: Resolver<Array<ResolversTypes['CashBalance']>, ParentType, ContextType>;
  equity?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  positions?: Resolver<ResolversTypes['PositionConnection'], ParentType, ContextType, RequireFields<PortfolioPositionsArgs, 'first'>>;
  realizedPnl?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  unrealizedPnl?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
}>;

export type PositionResolvers<ContextType = PortfolioContext, ParentType extends ResolversParentTypes['Position'] = ResolversParentTypes['Position'], FederationReferenceType extends FederationReferenceTypes['Position'] = FederationReferenceTypes['Position']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Position']> | FederationReferenceType, FederationReferenceType, ContextType>;
  averageCost?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  costBasis?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  instrument?: Resolver<ResolversTypes['Instrument'], ParentType, ContextType>;
  marketPrice?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  marketValue?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  portfolio?: Resolver<ResolversTypes['Portfolio'], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  realizedPnl?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  unrealizedPnl?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
}>;

export type PositionConnectionResolvers<ContextType = PortfolioContext, ParentType extends ResolversParentTypes['PositionConnection'] = ResolversParentTypes['PositionConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['PositionEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type PositionEdgeResolvers<ContextType = PortfolioContext, ParentType extends ResolversParentTypes['PositionEdge'] = ResolversParentTypes['PositionEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Position'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = PortfolioContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  portfolio?: Resolver<Maybe<ResolversTypes['Portfolio']>, ParentType, ContextType, RequireFields<QueryPortfolioArgs, 'id'>>;
}>;

export type SubscriptionResolvers<ContextType = PortfolioContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = ResolversObject<{
  myPortfolio?: SubscriptionResolver<ResolversTypes['Portfolio'], "myPortfolio", ParentType, ContextType>;
}>;

export type UserResolvers<ContextType = PortfolioContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User'], FederationReferenceType extends FederationReferenceTypes['User'] = FederationReferenceTypes['User']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['User']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  portfolio?: Resolver<Maybe<ResolversTypes['Portfolio']>, ParentType, ContextType>;
}>;

export type Resolvers<ContextType = PortfolioContext> = ResolversObject<{
  CashBalance?: CashBalanceResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Decimal?: GraphQLScalarType;
  Instrument?: InstrumentResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Portfolio?: PortfolioResolvers<ContextType>;
  Position?: PositionResolvers<ContextType>;
  PositionConnection?: PositionConnectionResolvers<ContextType>;
  PositionEdge?: PositionEdgeResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
}>;

