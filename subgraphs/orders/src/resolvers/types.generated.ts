import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { ProvidedInstrument } from '../data/instrumentOfOrder.js';
import type { OrderCommandResult } from '../commands/orderCommandResult.js';
import type { Order as OrderModel, Trade as TradeModel } from '@mib/db';
import type { OrdersContext } from '../context.js';
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

export type AmendOrderInput = {
  id: Scalars['ID']['input'];
  price?: InputMaybe<Scalars['Decimal']['input']>;
  quantity?: InputMaybe<Scalars['Decimal']['input']>;
};

export type AmendOrderResult = OrderAmended | OrderRejected;

/** What cancelAllOrders took off the book. */
export type CancelAllOrdersResult = {
  __typename?: 'CancelAllOrdersResult';
  /**
   * The orders taken off the book, as now recorded (status CANCELLED), oldest first, including one
   * whose placeOrder had not answered yet (its averagePrice, if it had filled, follows once that
   * placeOrder has answered).
   */
  cancelled: Array<Order>;
  /**
   * Always empty: the engine cancels every order of the account on its books and refuses none.
   * @deprecated The engine cancels all of an account's orders in one step; nothing is refused.
   */
  notCancelled: Array<OrderRejected>;
};

export type CancelOrderResult = OrderCancelled | OrderRejected;

export type Instrument = {
  __typename?: 'Instrument';
  id: Scalars['ID']['output'];
  /** Owned by market-data; provided here on an order's or trade's instrument, from the catalogue. */
  symbol: Scalars['String']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Changes the price and/or open quantity of one of your orders (a smaller quantity keeps its queue position). */
  amendOrder: AmendOrderResult;
  /**
   * The kill switch: takes every one of your orders off the engine's books, or only those of
   * `instrumentId` (halted or not). Safe to call again: a second call finds nothing left to cancel.
   *
   * The risk desk's: with `userId`, an admin takes that user's orders off instead (your own id is
   * the same as none). Anyone else naming another user is FORBIDDEN and cancels nothing; every
   * such cancel of another user's orders is logged with the admin, the user and the count. A
   * malformed userId, or a malformed or unknown instrumentId, is a BAD_USER_INPUT error and
   * cancels nothing.
   *
   * The engine cancels them in one step per shard, so every order it accepted before this call is
   * cancelled, including one whose placeOrder has not answered yet. An INTERNAL error means the
   * engine did not answer (all, some or none may have been cancelled): call again. Recorded orders
   * that never reached the engine (working orders seeded by earlier versions of the demo data) are
   * on no book and are left alone.
   */
  cancelAllOrders: CancelAllOrdersResult;
  /** Takes the rest of one of your orders off the book. */
  cancelOrder: CancelOrderResult;
  /**
   * Sends a new order to the matching engine for the signed-in user. What the engine decides
   * (accepted, or rejected by a risk check, the price band, post-only crossing…) is the result;
   * malformed input is a BAD_USER_INPUT error and sends nothing. To retry safely after an
   * INTERNAL error (the engine did not answer in time, so the order may have been placed), send a
   * clientOrderId and retry with the same one: you get the first order back instead of a second
   * one. Without a clientOrderId, look at your open orders before sending the order again.
   */
  placeOrder: PlaceOrderResult;
};


export type MutationAmendOrderArgs = {
  input: AmendOrderInput;
};


export type MutationCancelAllOrdersArgs = {
  instrumentId?: InputMaybe<Scalars['ID']['input']>;
  userId?: InputMaybe<Scalars['ID']['input']>;
};


export type MutationCancelOrderArgs = {
  id: Scalars['ID']['input'];
};


export type MutationPlaceOrderArgs = {
  input: PlaceOrderInput;
};

/**
 * An order to buy or sell an instrument, and how far it has been filled. Only its owner (or an
 * admin) sees it.
 */
export type Order = {
  __typename?: 'Order';
  /** Volume-weighted price of the fills so far; null before the first fill. */
  averagePrice?: Maybe<Scalars['Decimal']['output']>;
  createdAt: Scalars['DateTime']['output'];
  filledQuantity: Scalars['Decimal']['output'];
  id: Scalars['ID']['output'];
  /** Its symbol comes from here (the order knows it); other fields from market-data. */
  instrument: Instrument;
  /** Limit price; null for market orders. */
  price?: Maybe<Scalars['Decimal']['output']>;
  quantity: Scalars['Decimal']['output'];
  /** Why the engine rejected the order, when status is REJECTED. */
  rejectReason?: Maybe<Scalars['String']['output']>;
  /**
   * What is still working on the book: quantity − filledQuantity while OPEN or PARTIALLY_FILLED, 0
   * once FILLED, CANCELLED or REJECTED.
   */
  remainingQuantity: Scalars['Decimal']['output'];
  side: OrderSide;
  status: OrderStatus;
  /** The fills of this order, oldest first. */
  trades: Array<Trade>;
  type: OrderType;
  updatedAt: Scalars['DateTime']['output'];
  user: User;
};

export type OrderAccepted = {
  __typename?: 'OrderAccepted';
  order: Order;
};

export type OrderAmended = {
  __typename?: 'OrderAmended';
  order: Order;
};

export type OrderCancelled = {
  __typename?: 'OrderCancelled';
  order: Order;
};

export type OrderConnection = {
  __typename?: 'OrderConnection';
  edges: Array<OrderEdge>;
  pageInfo: PageInfo;
};

export type OrderEdge = {
  __typename?: 'OrderEdge';
  cursor: Scalars['String']['output'];
  node: Order;
};

/** The engine refused the command; nothing about the order changed (a refused new order is kept as REJECTED). */
export type OrderRejected = {
  __typename?: 'OrderRejected';
  /** The engine's numeric reason code: 100–199 validation, 200–299 risk, 300–399 matching. */
  code: Scalars['Int']['output'];
  message: Scalars['String']['output'];
  /** The engine's reason, e.g. PRICE_OUTSIDE_BAND, MAX_ORDER_NOTIONAL_EXCEEDED, POST_ONLY_WOULD_CROSS. */
  reason: Scalars['String']['output'];
  /**
   * The order the refusal concerns, as recorded: a refused new order kept as REJECTED (risk and
   * matching refusals), or your order a cancel or amend could not change. Null for malformed orders.
   */
  rejectedOrder?: Maybe<Order>;
};

export type OrderSide =
  | 'BUY'
  | 'SELL';

export type OrderStatus =
  | 'CANCELLED'
  | 'FILLED'
  | 'OPEN'
  | 'PARTIALLY_FILLED'
  | 'REJECTED';

export type OrderType =
  /** Fill or kill: fills completely at once or not at all. */
  | 'FOK'
  /** Immediate or cancel: fills what it can at once, cancels the rest. */
  | 'IOC'
  | 'LIMIT'
  | 'MARKET'
  /** Rests only; rejected if it would take liquidity. */
  | 'POST_ONLY';

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

export type PlaceOrderInput = {
  /**
   * Idempotency key of your choosing, 1–64 characters of letters, digits and . _ : -. The same key
   * from the same user returns the first order (OrderAccepted, or the OrderRejected of a risk or
   * matching refusal) instead of placing another, while the engine runs: keys are not remembered
   * across an engine restart, and only the engine's newest 100 000 are. An order refused as
   * malformed does not use up its key. The rest of a retry's input is not compared.
   */
  clientOrderId?: InputMaybe<Scalars['String']['input']>;
  instrumentId: Scalars['ID']['input'];
  /** Limit price; required for every type but MARKET, which takes none. */
  price?: InputMaybe<Scalars['Decimal']['input']>;
  quantity: Scalars['Decimal']['input'];
  selfTradePrevention?: InputMaybe<SelfTradePrevention>;
  side: OrderSide;
  type: OrderType;
};

export type PlaceOrderResult = OrderAccepted | OrderRejected;

export type Query = {
  __typename?: 'Query';
  /** The order with this id, or null; FORBIDDEN when it is another user's. */
  order?: Maybe<Order>;
};


export type QueryOrderArgs = {
  id: Scalars['ID']['input'];
};

/** What happens when an order would trade against another order of the same user. */
export type SelfTradePrevention =
  | 'CANCEL_BOTH'
  | 'CANCEL_INCOMING'
  | 'CANCEL_RESTING'
  | 'NONE';

export type Subscription = {
  __typename?: 'Subscription';
  /**
   * Every change to the signed-in user's orders: accepted, filled, cancelled, amended, and a new
   * order the engine refused (a risk or matching refusal), sent as REJECTED with its rejectReason,
   * as User.orders lists it. A refused cancel or amend changes nothing, so sends nothing.
   */
  myOrderUpdates: Order;
  /** Every fill of the signed-in user's orders. */
  myTrades: Trade;
};

/** One fill between a buy order and a sell order. */
export type Trade = {
  __typename?: 'Trade';
  /** The buying order; null when it is another user's (a trader sees only their own side). */
  buyOrder?: Maybe<Order>;
  executedAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  instrument: Instrument;
  price: Scalars['Decimal']['output'];
  quantity: Scalars['Decimal']['output'];
  /** The selling order; null when it is another user's. */
  sellOrder?: Maybe<Order>;
  /**
   * The side of the trade's user: BUY when their order bought, SELL when it sold. Under
   * User.trades that user is the one whose trades are listed, whoever reads them (an admin sees a
   * trader's fills as the trader does); elsewhere (an order's trades, myTrades, a trade by
   * reference) it is you. Null when neither order is theirs (an admin reading another's order) or
   * both are (a self-trade, placed with selfTradePrevention NONE, which leaves the position as it
   * was), so that the BUY quantities minus the SELL quantities of a user's trades are their net fill.
   */
  side?: Maybe<OrderSide>;
};

export type TradeConnection = {
  __typename?: 'TradeConnection';
  edges: Array<TradeEdge>;
  pageInfo: PageInfo;
};

export type TradeEdge = {
  __typename?: 'TradeEdge';
  cursor: Scalars['String']['output'];
  node: Trade;
};

export type User = {
  __typename?: 'User';
  id: Scalars['ID']['output'];
  /**
   * This user's orders, newest first, optionally only those in the given states and only those of
   * one instrument (the user's own, or an admin). A malformed or unknown instrumentId is a
   * BAD_USER_INPUT error.
   */
  orders: OrderConnection;
  /**
   * This user's fills (trades in which one of their orders took part), newest first, optionally
   * only those of one instrument (the user's own, or an admin), each with this user's side. A
   * self-trade is listed once. A malformed or unknown instrumentId is a BAD_USER_INPUT error.
   */
  trades: TradeConnection;
};


export type UserOrdersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  instrumentId?: InputMaybe<Scalars['ID']['input']>;
  status?: InputMaybe<Array<OrderStatus>>;
};


export type UserTradesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  instrumentId?: InputMaybe<Scalars['ID']['input']>;
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
  Order: Order;
  Trade: Trade;
  User: User;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Order:
    ( { __typename: 'Order' }
    & GraphQLRecursivePick<FederationTypes['Order'], {"id":true}> );
  Trade:
    ( { __typename: 'Trade' }
    & GraphQLRecursivePick<FederationTypes['Trade'], {"id":true}> );
  User:
    ( { __typename: 'User' }
    & GraphQLRecursivePick<FederationTypes['User'], {"id":true}> );
}>;

/** Mapping of union types */
export type ResolversUnionTypes<_RefType extends Record<string, unknown>> = ResolversObject<{
  AmendOrderResult:
    | ( OrderCommandResult )
    | ( OrderCommandResult )
  ;
  CancelOrderResult:
    | ( OrderCommandResult )
    | ( OrderCommandResult )
  ;
  PlaceOrderResult:
    | ( OrderCommandResult )
    | ( OrderCommandResult )
  ;
}>;


/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  AmendOrderInput: AmendOrderInput;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  AmendOrderResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['AmendOrderResult']>;
  CancelAllOrdersResult: ResolverTypeWrapper<Omit<CancelAllOrdersResult, 'cancelled' | 'notCancelled'> & { cancelled: Array<ResolversTypes['Order']>, notCancelled: Array<ResolversTypes['OrderRejected']> }>;
  CancelOrderResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['CancelOrderResult']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Decimal: ResolverTypeWrapper<Scalars['Decimal']['output']>;
  Instrument: ResolverTypeWrapper<ProvidedInstrument>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Order: ResolverTypeWrapper<OrderModel>;
  OrderAccepted: ResolverTypeWrapper<OrderCommandResult>;
  OrderAmended: ResolverTypeWrapper<OrderCommandResult>;
  OrderCancelled: ResolverTypeWrapper<OrderCommandResult>;
  OrderConnection: ResolverTypeWrapper<Omit<OrderConnection, 'edges'> & { edges: Array<ResolversTypes['OrderEdge']> }>;
  OrderEdge: ResolverTypeWrapper<Omit<OrderEdge, 'node'> & { node: ResolversTypes['Order'] }>;
  OrderRejected: ResolverTypeWrapper<OrderCommandResult>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  OrderSide: OrderSide;
  OrderStatus: OrderStatus;
  OrderType: OrderType;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  PlaceOrderInput: PlaceOrderInput;
  PlaceOrderResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['PlaceOrderResult']>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  SelfTradePrevention: SelfTradePrevention;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Trade: ResolverTypeWrapper<TradeModel>;
  TradeConnection: ResolverTypeWrapper<Omit<TradeConnection, 'edges'> & { edges: Array<ResolversTypes['TradeEdge']> }>;
  TradeEdge: ResolverTypeWrapper<Omit<TradeEdge, 'node'> & { node: ResolversTypes['Trade'] }>;
  User: ResolverTypeWrapper<{ id: string }>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  AmendOrderInput: AmendOrderInput;
  ID: Scalars['ID']['output'];
  AmendOrderResult: ResolversUnionTypes<ResolversParentTypes>['AmendOrderResult'];
  CancelAllOrdersResult: Omit<CancelAllOrdersResult, 'cancelled' | 'notCancelled'> & { cancelled: Array<ResolversParentTypes['Order']>, notCancelled: Array<ResolversParentTypes['OrderRejected']> };
  CancelOrderResult: ResolversUnionTypes<ResolversParentTypes>['CancelOrderResult'];
  DateTime: Scalars['DateTime']['output'];
  Decimal: Scalars['Decimal']['output'];
  Instrument: ProvidedInstrument;
  String: Scalars['String']['output'];
  Mutation: Record<PropertyKey, never>;
  Order: OrderModel;
  OrderAccepted: OrderCommandResult;
  OrderAmended: OrderCommandResult;
  OrderCancelled: OrderCommandResult;
  OrderConnection: Omit<OrderConnection, 'edges'> & { edges: Array<ResolversParentTypes['OrderEdge']> };
  OrderEdge: Omit<OrderEdge, 'node'> & { node: ResolversParentTypes['Order'] };
  OrderRejected: OrderCommandResult;
  Int: Scalars['Int']['output'];
  PageInfo: PageInfo;
  Boolean: Scalars['Boolean']['output'];
  PlaceOrderInput: PlaceOrderInput;
  PlaceOrderResult: ResolversUnionTypes<ResolversParentTypes>['PlaceOrderResult'];
  Query: Record<PropertyKey, never>;
  Subscription: Record<PropertyKey, never>;
  Trade: TradeModel;
  TradeConnection: Omit<TradeConnection, 'edges'> & { edges: Array<ResolversParentTypes['TradeEdge']> };
  TradeEdge: Omit<TradeEdge, 'node'> & { node: ResolversParentTypes['Trade'] };
  User: { id: string };
}>;

export type AmendOrderResultResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['AmendOrderResult'] = ResolversParentTypes['AmendOrderResult']> = ResolversObject<{
  __resolveType: TypeResolveFn<'OrderAmended' | 'OrderRejected', ParentType, ContextType>;
}>;

export type CancelAllOrdersResultResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['CancelAllOrdersResult'] = ResolversParentTypes['CancelAllOrdersResult']> = ResolversObject<{
  cancelled?: Resolver<Array<ResolversTypes['Order']>, ParentType, ContextType>;
  notCancelled?: Resolver<Array<ResolversTypes['OrderRejected']>, ParentType, ContextType>;
}>;

export type CancelOrderResultResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['CancelOrderResult'] = ResolversParentTypes['CancelOrderResult']> = ResolversObject<{
  __resolveType: TypeResolveFn<'OrderCancelled' | 'OrderRejected', ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export interface DecimalScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Decimal'], any> {
  name: 'Decimal';
}

export type InstrumentResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['Instrument'] = ResolversParentTypes['Instrument']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  symbol?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  amendOrder?: Resolver<ResolversTypes['AmendOrderResult'], ParentType, ContextType, RequireFields<MutationAmendOrderArgs, 'input'>>;
  cancelAllOrders?: Resolver<ResolversTypes['CancelAllOrdersResult'], ParentType, ContextType, Partial<MutationCancelAllOrdersArgs>>;
  cancelOrder?: Resolver<ResolversTypes['CancelOrderResult'], ParentType, ContextType, RequireFields<MutationCancelOrderArgs, 'id'>>;
  placeOrder?: Resolver<ResolversTypes['PlaceOrderResult'], ParentType, ContextType, RequireFields<MutationPlaceOrderArgs, 'input'>>;
}>;

export type OrderResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['Order'] = ResolversParentTypes['Order'], FederationReferenceType extends FederationReferenceTypes['Order'] = FederationReferenceTypes['Order']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Order']> | FederationReferenceType, FederationReferenceType, ContextType>;
  averagePrice?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  filledQuantity?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  instrument?: Resolver<ResolversTypes['Instrument'], ParentType, ContextType>;
  price?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  rejectReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  remainingQuantity?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  side?: Resolver<ResolversTypes['OrderSide'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['OrderStatus'], ParentType, ContextType>;
  trades?: Resolver<Array<ResolversTypes['Trade']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['OrderType'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
}>;

export type OrderAcceptedResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['OrderAccepted'] = ResolversParentTypes['OrderAccepted']> = ResolversObject<{
  order?: Resolver<ResolversTypes['Order'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type OrderAmendedResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['OrderAmended'] = ResolversParentTypes['OrderAmended']> = ResolversObject<{
  order?: Resolver<ResolversTypes['Order'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type OrderCancelledResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['OrderCancelled'] = ResolversParentTypes['OrderCancelled']> = ResolversObject<{
  order?: Resolver<ResolversTypes['Order'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type OrderConnectionResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['OrderConnection'] = ResolversParentTypes['OrderConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['OrderEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type OrderEdgeResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['OrderEdge'] = ResolversParentTypes['OrderEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Order'], ParentType, ContextType>;
}>;

export type OrderRejectedResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['OrderRejected'] = ResolversParentTypes['OrderRejected']> = ResolversObject<{
  code?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  rejectedOrder?: Resolver<Maybe<ResolversTypes['Order']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type PageInfoResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type PlaceOrderResultResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['PlaceOrderResult'] = ResolversParentTypes['PlaceOrderResult']> = ResolversObject<{
  __resolveType: TypeResolveFn<'OrderAccepted' | 'OrderRejected', ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  order?: Resolver<Maybe<ResolversTypes['Order']>, ParentType, ContextType, RequireFields<QueryOrderArgs, 'id'>>;
}>;

export type SubscriptionResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = ResolversObject<{
  myOrderUpdates?: SubscriptionResolver<ResolversTypes['Order'], "myOrderUpdates", ParentType, ContextType>;
  myTrades?: SubscriptionResolver<ResolversTypes['Trade'], "myTrades", ParentType, ContextType>;
}>;

export type TradeResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['Trade'] = ResolversParentTypes['Trade'], FederationReferenceType extends FederationReferenceTypes['Trade'] = FederationReferenceTypes['Trade']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Trade']> | FederationReferenceType, FederationReferenceType, ContextType>;
  buyOrder?: Resolver<Maybe<ResolversTypes['Order']>, ParentType, ContextType>;
  executedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  instrument?: Resolver<ResolversTypes['Instrument'], ParentType, ContextType>;
  price?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  sellOrder?: Resolver<Maybe<ResolversTypes['Order']>, ParentType, ContextType>;
  side?: Resolver<Maybe<ResolversTypes['OrderSide']>, ParentType, ContextType>;
}>;

export type TradeConnectionResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['TradeConnection'] = ResolversParentTypes['TradeConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['TradeEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type TradeEdgeResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['TradeEdge'] = ResolversParentTypes['TradeEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Trade'], ParentType, ContextType>;
}>;

export type UserResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User'], FederationReferenceType extends FederationReferenceTypes['User'] = FederationReferenceTypes['User']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['User']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  orders?: Resolver<ResolversTypes['OrderConnection'], ParentType, ContextType, RequireFields<UserOrdersArgs, 'first'>>;
  trades?: Resolver<ResolversTypes['TradeConnection'], ParentType, ContextType, RequireFields<UserTradesArgs, 'first'>>;
}>;

export type Resolvers<ContextType = OrdersContext> = ResolversObject<{
  AmendOrderResult?: AmendOrderResultResolvers<ContextType>;
  CancelAllOrdersResult?: CancelAllOrdersResultResolvers<ContextType>;
  CancelOrderResult?: CancelOrderResultResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Decimal?: GraphQLScalarType;
  Instrument?: InstrumentResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Order?: OrderResolvers<ContextType>;
  OrderAccepted?: OrderAcceptedResolvers<ContextType>;
  OrderAmended?: OrderAmendedResolvers<ContextType>;
  OrderCancelled?: OrderCancelledResolvers<ContextType>;
  OrderConnection?: OrderConnectionResolvers<ContextType>;
  OrderEdge?: OrderEdgeResolvers<ContextType>;
  OrderRejected?: OrderRejectedResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PlaceOrderResult?: PlaceOrderResultResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  Trade?: TradeResolvers<ContextType>;
  TradeConnection?: TradeConnectionResolvers<ContextType>;
  TradeEdge?: TradeEdgeResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
}>;

