import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { Instrument as InstrumentModel, Quote as QuoteModel, Candle as CandleModel, PriceAlert as PriceAlertModel } from '@mib/db';
import type { TapeTrade } from '../data/marketRows.js';
import type { IndicatorWindow } from '../data/indicatorWindow.js';
import type { MarketDataContext } from '../context.js';
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

/** Which side of a trade took liquidity: BUY lifted an offer, SELL hit a bid. */
export type AggressorSide =
  | 'BUY'
  | 'SELL';

export type AssetClass =
  | 'CRYPTO'
  | 'EQUITY'
  | 'FX';

export type BollingerBandSeries = {
  __typename?: 'BollingerBandSeries';
  lower: Array<Maybe<Scalars['Float']['output']>>;
  middle: Array<Maybe<Scalars['Float']['output']>>;
  upper: Array<Maybe<Scalars['Float']['output']>>;
};

export type Candle = {
  __typename?: 'Candle';
  close: Scalars['Decimal']['output'];
  high: Scalars['Decimal']['output'];
  /** The instrument the candle belongs to (lets a subscription payload name its symbol). */
  instrument: Instrument;
  interval: CandleInterval;
  low: Scalars['Decimal']['output'];
  open: Scalars['Decimal']['output'];
  openTime: Scalars['DateTime']['output'];
  volume: Scalars['Decimal']['output'];
};

export type CandleInterval =
  | 'D1'
  | 'H1'
  | 'M1'
  | 'M5'
  | 'S1';

export type CreatePriceAlertInput = {
  direction: PriceAlertDirection;
  instrumentId: Scalars['ID']['input'];
  /** Positive, and a multiple of the instrument's tick size. */
  price: Scalars['Decimal']['input'];
};

/** Indicator series over one window of candles, each value aligned with `openTimes`. */
export type IndicatorSet = {
  __typename?: 'IndicatorSet';
  /** Average true range with Wilder smoothing. */
  atr: Array<Maybe<Scalars['Float']['output']>>;
  /** Bollinger Bands with the population standard deviation; `k` > 0, refused when the bands would overflow. */
  bollingerBands: BollingerBandSeries;
  closes: Array<Scalars['Float']['output']>;
  /** Exponential moving average, α = 2/(period+1), seeded with the SMA of the first `period` closes. */
  ema: Array<Maybe<Scalars['Float']['output']>>;
  macd: MacdSeries;
  openTimes: Array<Scalars['DateTime']['output']>;
  /** Relative strength index with Wilder smoothing. */
  rsi: Array<Maybe<Scalars['Float']['output']>>;
  /** Simple moving average. */
  sma: Array<Maybe<Scalars['Float']['output']>>;
  /** Volume-weighted average price, cumulative over the window. */
  vwap: Array<Maybe<Scalars['Float']['output']>>;
};


/** Indicator series over one window of candles, each value aligned with `openTimes`. */
export type IndicatorSetAtrArgs = {
  period?: InputMaybe<Scalars['Int']['input']>;
};


/** Indicator series over one window of candles, each value aligned with `openTimes`. */
export type IndicatorSetBollingerBandsArgs = {
  k?: InputMaybe<Scalars['Float']['input']>;
  period?: InputMaybe<Scalars['Int']['input']>;
};


/** Indicator series over one window of candles, each value aligned with `openTimes`. */
export type IndicatorSetEmaArgs = {
  period?: InputMaybe<Scalars['Int']['input']>;
};


/** Indicator series over one window of candles, each value aligned with `openTimes`. */
export type IndicatorSetMacdArgs = {
  fast?: InputMaybe<Scalars['Int']['input']>;
  signal?: InputMaybe<Scalars['Int']['input']>;
  slow?: InputMaybe<Scalars['Int']['input']>;
};


/** Indicator series over one window of candles, each value aligned with `openTimes`. */
export type IndicatorSetRsiArgs = {
  period?: InputMaybe<Scalars['Int']['input']>;
};


/** Indicator series over one window of candles, each value aligned with `openTimes`. */
export type IndicatorSetSmaArgs = {
  period?: InputMaybe<Scalars['Int']['input']>;
};

/** A tradable instrument: an equity, a currency pair or a crypto asset. */
export type Instrument = {
  __typename?: 'Instrument';
  /** False while trading is halted: new orders for it are refused. */
  active: Scalars['Boolean']['output'];
  assetClass: AssetClass;
  /** Candles of one interval, newest first: `first` 1–1000, opening before `before` when given. */
  candles: Array<Candle>;
  /** ISO 4217 code of the currency prices are quoted in. */
  currency: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /**
   * Technical indicators over the latest `last` candles (1–1000) of one interval. Every series is
   * aligned with `openTimes` (oldest first) and is null on the bars an indicator needs to warm up.
   */
  indicators: IndicatorSet;
  /** Smallest quantity increment. */
  lotSize: Scalars['Decimal']['output'];
  name: Scalars['String']['output'];
  /** The latest top of book and last trade; null before the first quote. */
  quote?: Maybe<Quote>;
  /** Ticker, unique across the platform: AAPL, EURUSD, BTC-USD. */
  symbol: Scalars['String']['output'];
  /** Smallest price increment. */
  tickSize: Scalars['Decimal']['output'];
  /**
   * The instrument's public tape (time and sales), newest first; the trades of one millisecond (a
   * sweep through several price levels) in reverse order of execution. `first` 1–1000; to page
   * back, pass a page's `pageInfo.endCursor` as the next `after`.
   */
  trades: MarketTradeConnection;
};


/** A tradable instrument: an equity, a currency pair or a crypto asset. */
export type InstrumentCandlesArgs = {
  before?: InputMaybe<Scalars['DateTime']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  interval: CandleInterval;
};


/** A tradable instrument: an equity, a currency pair or a crypto asset. */
export type InstrumentIndicatorsArgs = {
  interval: CandleInterval;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** A tradable instrument: an equity, a currency pair or a crypto asset. */
export type InstrumentTradesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type InstrumentConnection = {
  __typename?: 'InstrumentConnection';
  edges: Array<InstrumentEdge>;
  pageInfo: PageInfo;
};

export type InstrumentEdge = {
  __typename?: 'InstrumentEdge';
  cursor: Scalars['String']['output'];
  node: Instrument;
};

export type MacdSeries = {
  __typename?: 'MacdSeries';
  histogram: Array<Maybe<Scalars['Float']['output']>>;
  line: Array<Maybe<Scalars['Float']['output']>>;
  signal: Array<Maybe<Scalars['Float']['output']>>;
};

/**
 * One trade on an instrument's public tape: a match in the engine or an external print. Public
 * market data: it names no order and no account.
 */
export type MarketTrade = {
  __typename?: 'MarketTrade';
  /** The side that took liquidity; null for an external print whose feed does not say. */
  aggressorSide?: Maybe<AggressorSide>;
  executedAt: Scalars['DateTime']['output'];
  price: Scalars['Decimal']['output'];
  quantity: Scalars['Decimal']['output'];
};

export type MarketTradeConnection = {
  __typename?: 'MarketTradeConnection';
  edges: Array<MarketTradeEdge>;
  pageInfo: PageInfo;
};

export type MarketTradeEdge = {
  __typename?: 'MarketTradeEdge';
  cursor: Scalars['String']['output'];
  node: MarketTrade;
};

export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Puts an instrument at the end of the signed-in user's watchlist and returns the list. One
   * already listed stays where it is (no change). A malformed or unknown instrumentId is a
   * BAD_USER_INPUT error, and so is an add to a full list (200 instruments): nothing is written.
   * Needs watchlist:write besides market:read (it returns the list): a read-only key cannot
   * change the list.
   */
  addToWatchlist: Array<Instrument>;
  /**
   * Sets a price alert for the signed-in user: it fires once, on the first trade after now whose
   * price is at or above (ABOVE) or at or below (BELOW) `price`, and is then delivered by
   * `priceAlertTriggered`. BAD_USER_INPUT naming the argument for a malformed or unknown
   * instrumentId, a price that is not positive or not a multiple of the instrument's tick size,
   * and for a 101st waiting alert (at most 100 wait at once): nothing is written. Needs
   * watchlist:write besides market:read, the scopes of the watchlist's personal market tools.
   */
  createPriceAlert: PriceAlert;
  /**
   * Deletes one of the signed-in user's price alerts, waiting or fired, and returns it as it was.
   * NOT_FOUND for an id that names no alert of the caller's, whether or not it exists; a
   * malformed id is BAD_USER_INPUT. Needs market:read and watchlist:write.
   */
  deletePriceAlert: PriceAlert;
  /**
   * Takes an instrument off the signed-in user's watchlist and returns the list; one not listed is
   * no change. A malformed or unknown instrumentId is a BAD_USER_INPUT error. Needs market:read and watchlist:write.
   */
  removeFromWatchlist: Array<Instrument>;
  /**
   * Halts (active: false) or resumes trading in an instrument. Admins only. New orders for a halted
   * instrument are refused within a second; resting orders stay on the book. NOT_FOUND for an
   * unknown id.
   */
  setInstrumentTrading: Instrument;
};


export type MutationAddToWatchlistArgs = {
  instrumentId: Scalars['ID']['input'];
};


export type MutationCreatePriceAlertArgs = {
  input: CreatePriceAlertInput;
};


export type MutationDeletePriceAlertArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRemoveFromWatchlistArgs = {
  instrumentId: Scalars['ID']['input'];
};


export type MutationSetInstrumentTradingArgs = {
  active: Scalars['Boolean']['input'];
  id: Scalars['ID']['input'];
};

/** Aggregated depth of an instrument's order book. */
export type OrderBookSnapshot = {
  __typename?: 'OrderBookSnapshot';
  /** Ask levels, best (lowest) price first. */
  asks: Array<PriceLevel>;
  /** Bid levels, best (highest) price first. */
  bids: Array<PriceLevel>;
  instrument: Instrument;
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

/**
 * "Tell me when AAPL trades above 200": an alert on one instrument's trades that fires once, on the
 * first trade after it was created whose price meets it, and then stays as history.
 */
export type PriceAlert = {
  __typename?: 'PriceAlert';
  createdAt: Scalars['DateTime']['output'];
  direction: PriceAlertDirection;
  id: Scalars['ID']['output'];
  instrument: Instrument;
  /** The threshold, in the instrument's currency: a multiple of its tick size. */
  price: Scalars['Decimal']['output'];
  /** The price of the trade that fired it; null while the alert waits. */
  triggerPrice?: Maybe<Scalars['Decimal']['output']>;
  /** When the trade that fired it was executed; null while the alert waits. */
  triggeredAt?: Maybe<Scalars['DateTime']['output']>;
};

export type PriceAlertConnection = {
  __typename?: 'PriceAlertConnection';
  edges: Array<PriceAlertEdge>;
  pageInfo: PageInfo;
};

/** Which side of its price an alert waits for. */
export type PriceAlertDirection =
  /** Fires on a trade at or above the alert's price. */
  | 'ABOVE'
  /** Fires on a trade at or below the alert's price. */
  | 'BELOW';

export type PriceAlertEdge = {
  __typename?: 'PriceAlertEdge';
  cursor: Scalars['String']['output'];
  node: PriceAlert;
};

/** All resting orders at one price on one side of a book. */
export type PriceLevel = {
  __typename?: 'PriceLevel';
  /** Number of resting orders at this price. */
  orders: Scalars['Int']['output'];
  price: Scalars['Decimal']['output'];
  /** Open quantity at this price, summed over the orders. */
  quantity: Scalars['Decimal']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** The instrument with this id, or null. */
  instrument?: Maybe<Instrument>;
  /** The instrument with this symbol, or null. */
  instrumentBySymbol?: Maybe<Instrument>;
  /** Instruments ordered by symbol, optionally of one asset class. */
  instruments: InstrumentConnection;
  /**
   * The live order book from the matching engine, `depth` price levels per side (1–100);
   * null for a symbol the platform does not list or the engine does not trade.
   */
  orderBook?: Maybe<OrderBookSnapshot>;
};


export type QueryInstrumentArgs = {
  id: Scalars['ID']['input'];
};


export type QueryInstrumentBySymbolArgs = {
  symbol: Scalars['String']['input'];
};


export type QueryInstrumentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  assetClass?: InputMaybe<AssetClass>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryOrderBookArgs = {
  depth?: InputMaybe<Scalars['Int']['input']>;
  symbol: Scalars['String']['input'];
};

export type Quote = {
  __typename?: 'Quote';
  ask?: Maybe<Scalars['Decimal']['output']>;
  askSize?: Maybe<Scalars['Decimal']['output']>;
  bid?: Maybe<Scalars['Decimal']['output']>;
  bidSize?: Maybe<Scalars['Decimal']['output']>;
  last?: Maybe<Scalars['Decimal']['output']>;
  /** ask - bid, when both sides are quoted. */
  spread?: Maybe<Scalars['Decimal']['output']>;
  updatedAt: Scalars['DateTime']['output'];
};

/** A new quote of one instrument, exactly as the engine published it. */
export type QuoteUpdate = {
  __typename?: 'QuoteUpdate';
  instrument: Instrument;
  quote: Quote;
};

/**
 * Live market data. Arguments are checked when subscribing: an unknown symbol or an out-of-range
 * count fails the subscription with `BAD_USER_INPUT` before any event is sent.
 */
export type Subscription = {
  __typename?: 'Subscription';
  /** Each candle of one instrument and interval as it closes. */
  candles: Candle;
  /**
   * The instrument's order book, `depth` levels per side (1–100): a snapshot at once, then a fresh
   * one after each quote or trade. A burst of changes yields one snapshot, never a backlog.
   */
  orderBook: OrderBookSnapshot;
  /**
   * The signed-in user's price alerts as they fire, each once, with the price of the trade that
   * fired it; never another user's. UNAUTHENTICATED when anonymous. Needs market:read.
   */
  priceAlertTriggered: PriceAlert;
  /**
   * The latest quote of each given instrument that has one, at once, then every new top of book or
   * last trade of them (1–50 symbols).
   */
  quotes: QuoteUpdate;
  /** Each trade of one instrument as it happens: its public tape, live. */
  trades: MarketTrade;
};


/**
 * Live market data. Arguments are checked when subscribing: an unknown symbol or an out-of-range
 * count fails the subscription with `BAD_USER_INPUT` before any event is sent.
 */
export type SubscriptionCandlesArgs = {
  interval: CandleInterval;
  symbol: Scalars['String']['input'];
};


/**
 * Live market data. Arguments are checked when subscribing: an unknown symbol or an out-of-range
 * count fails the subscription with `BAD_USER_INPUT` before any event is sent.
 */
export type SubscriptionOrderBookArgs = {
  depth?: InputMaybe<Scalars['Int']['input']>;
  symbol: Scalars['String']['input'];
};


/**
 * Live market data. Arguments are checked when subscribing: an unknown symbol or an out-of-range
 * count fails the subscription with `BAD_USER_INPUT` before any event is sent.
 */
export type SubscriptionQuotesArgs = {
  symbols: Array<Scalars['String']['input']>;
};


/**
 * Live market data. Arguments are checked when subscribing: an unknown symbol or an out-of-range
 * count fails the subscription with `BAD_USER_INPUT` before any event is sent.
 */
export type SubscriptionTradesArgs = {
  symbol: Scalars['String']['input'];
};

export type User = {
  __typename?: 'User';
  id: Scalars['ID']['output'];
  /**
   * This user's price alerts, newest first: with `active: true` only those still waiting, with
   * `active: false` only those fired. `first` 1–100; to page on, pass a page's
   * `pageInfo.endCursor` as the next `after`. The user's own, or an admin's read: FORBIDDEN for
   * anyone else. Needs market:read.
   */
  priceAlerts: PriceAlertConnection;
  /**
   * The instruments this user follows, in the order added; at most 200. The user's own, or an
   * admin's read: FORBIDDEN for anyone else.
   */
  watchlist: Array<Instrument>;
};


export type UserPriceAlertsArgs = {
  active?: InputMaybe<Scalars['Boolean']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
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
  Instrument: Instrument;
  User: User;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Instrument:
    ( { __typename: 'Instrument' }
    & ( GraphQLRecursivePick<FederationTypes['Instrument'], {"id":true}>
        | GraphQLRecursivePick<FederationTypes['Instrument'], {"symbol":true}> ) );
  User:
    ( { __typename: 'User' }
    & GraphQLRecursivePick<FederationTypes['User'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  AggressorSide: AggressorSide;
  AssetClass: AssetClass;
  BollingerBandSeries: ResolverTypeWrapper<BollingerBandSeries>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  Candle: ResolverTypeWrapper<CandleModel>;
  CandleInterval: CandleInterval;
  CreatePriceAlertInput: CreatePriceAlertInput;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Decimal: ResolverTypeWrapper<Scalars['Decimal']['output']>;
  IndicatorSet: ResolverTypeWrapper<IndicatorWindow>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Instrument: ResolverTypeWrapper<InstrumentModel>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  InstrumentConnection: ResolverTypeWrapper<Omit<InstrumentConnection, 'edges'> & { edges: Array<ResolversTypes['InstrumentEdge']> }>;
  InstrumentEdge: ResolverTypeWrapper<Omit<InstrumentEdge, 'node'> & { node: ResolversTypes['Instrument'] }>;
  MacdSeries: ResolverTypeWrapper<MacdSeries>;
  MarketTrade: ResolverTypeWrapper<TapeTrade>;
  MarketTradeConnection: ResolverTypeWrapper<Omit<MarketTradeConnection, 'edges'> & { edges: Array<ResolversTypes['MarketTradeEdge']> }>;
  MarketTradeEdge: ResolverTypeWrapper<Omit<MarketTradeEdge, 'node'> & { node: ResolversTypes['MarketTrade'] }>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  OrderBookSnapshot: ResolverTypeWrapper<Omit<OrderBookSnapshot, 'instrument'> & { instrument: ResolversTypes['Instrument'] }>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PriceAlert: ResolverTypeWrapper<PriceAlertModel>;
  PriceAlertConnection: ResolverTypeWrapper<Omit<PriceAlertConnection, 'edges'> & { edges: Array<ResolversTypes['PriceAlertEdge']> }>;
  PriceAlertDirection: PriceAlertDirection;
  PriceAlertEdge: ResolverTypeWrapper<Omit<PriceAlertEdge, 'node'> & { node: ResolversTypes['PriceAlert'] }>;
  PriceLevel: ResolverTypeWrapper<PriceLevel>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Quote: ResolverTypeWrapper<QuoteModel>;
  QuoteUpdate: ResolverTypeWrapper<Omit<QuoteUpdate, 'instrument' | 'quote'> & { instrument: ResolversTypes['Instrument'], quote: ResolversTypes['Quote'] }>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  User: ResolverTypeWrapper<{ id: string }>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  BollingerBandSeries: BollingerBandSeries;
  Float: Scalars['Float']['output'];
  Candle: CandleModel;
  CreatePriceAlertInput: CreatePriceAlertInput;
  ID: Scalars['ID']['output'];
  DateTime: Scalars['DateTime']['output'];
  Decimal: Scalars['Decimal']['output'];
  IndicatorSet: IndicatorWindow;
  Int: Scalars['Int']['output'];
  Instrument: InstrumentModel;
  Boolean: Scalars['Boolean']['output'];
  String: Scalars['String']['output'];
  InstrumentConnection: Omit<InstrumentConnection, 'edges'> & { edges: Array<ResolversParentTypes['InstrumentEdge']> };
  InstrumentEdge: Omit<InstrumentEdge, 'node'> & { node: ResolversParentTypes['Instrument'] };
  MacdSeries: MacdSeries;
  MarketTrade: TapeTrade;
  MarketTradeConnection: Omit<MarketTradeConnection, 'edges'> & { edges: Array<ResolversParentTypes['MarketTradeEdge']> };
  MarketTradeEdge: Omit<MarketTradeEdge, 'node'> & { node: ResolversParentTypes['MarketTrade'] };
  Mutation: Record<PropertyKey, never>;
  OrderBookSnapshot: Omit<OrderBookSnapshot, 'instrument'> & { instrument: ResolversParentTypes['Instrument'] };
  PageInfo: PageInfo;
  PriceAlert: PriceAlertModel;
  PriceAlertConnection: Omit<PriceAlertConnection, 'edges'> & { edges: Array<ResolversParentTypes['PriceAlertEdge']> };
  PriceAlertEdge: Omit<PriceAlertEdge, 'node'> & { node: ResolversParentTypes['PriceAlert'] };
  PriceLevel: PriceLevel;
  Query: Record<PropertyKey, never>;
  Quote: QuoteModel;
  QuoteUpdate: Omit<QuoteUpdate, 'instrument' | 'quote'> & { instrument: ResolversParentTypes['Instrument'], quote: ResolversParentTypes['Quote'] };
  Subscription: Record<PropertyKey, never>;
  User: { id: string };
}>;

export type BollingerBandSeriesResolvers<ContextType = MarketDataContext, ParentType extends ResolversParentTypes['BollingerBandSeries'] = ResolversParentTypes['BollingerBandSeries']> = ResolversObject<{
  lower?: Resolver<Array<Maybe<ResolversTypes['Float']>>, ParentType, ContextType>;
  middle?: Resolver<Array<Maybe<ResolversTypes['Float']>>, ParentType, ContextType>;
  upper?: Resolver<Array<Maybe<ResolversTypes['Float']>>, ParentType, ContextType>;
}>;

export type CandleResolvers<ContextType = MarketDataContext, ParentType extends ResolversParentTypes['Candle'] = ResolversParentTypes['Candle']> = ResolversObject<{
  close?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  high?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  instrument?: Resolver<ResolversTypes['Instrument'], ParentType, ContextType>;
  interval?: Resolver<ResolversTypes['CandleInterval'], ParentType, ContextType>;
  low?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  open?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  openTime?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  volume?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export interface DecimalScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Decimal'], any> {
  name: 'Decimal';
}

export type IndicatorSetResolvers<ContextType = MarketDataContext, ParentType extends ResolversParentTypes['IndicatorSet'] = ResolversParentTypes['IndicatorSet']> = ResolversObject<{
  atr?: Resolver<Array<Maybe<ResolversTypes['Float']>>, ParentType, ContextType, RequireFields<IndicatorSetAtrArgs, 'period'>>;
  bollingerBands?: Resolver<ResolversTypes['BollingerBandSeries'], ParentType, ContextType, RequireFields<IndicatorSetBollingerBandsArgs, 'k' | 'period'>>;
  closes?: Resolver<Array<ResolversTypes['Float']>, ParentType, ContextType>;
  ema?: Resolver<Array<Maybe<ResolversTypes['Float']>>, ParentType, ContextType, RequireFields<IndicatorSetEmaArgs, 'period'>>;
  macd?: Resolver<ResolversTypes['MacdSeries'], ParentType, ContextType, RequireFields<IndicatorSetMacdArgs, 'fast' | 'signal' | 'slow'>>;
  openTimes?: Resolver<Array<ResolversTypes['DateTime']>, ParentType, ContextType>;
  rsi?: Resolver<Array<Maybe<ResolversTypes['Float']>>, ParentType, ContextType, RequireFields<IndicatorSetRsiArgs, 'period'>>;
  sma?: Resolver<Array<Maybe<ResolversTypes['Float']>>, ParentType, ContextType, RequireFields<IndicatorSetSmaArgs, 'period'>>;
  vwap?: Resolver<Array<Maybe<ResolversTypes['Float']>>, ParentType, ContextType>;
}>;

export type InstrumentResolvers<ContextType = MarketDataContext, ParentType extends ResolversParentTypes['Instrument'] = ResolversParentTypes['Instrument'], FederationReferenceType extends FederationReferenceTypes['Instrument'] = FederationReferenceTypes['Instrument']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Instrument']> | FederationReferenceType, FederationReferenceType, ContextType>;
  active?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  assetClass?: Resolver<ResolversTypes['AssetClass'], ParentType, ContextType>;
  candles?: Resolver<Array<ResolversTypes['Candle']>, ParentType, ContextType, RequireFields<InstrumentCandlesArgs, 'first' | 'interval'>>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  indicators?: Resolver<ResolversTypes['IndicatorSet'], ParentType, ContextType, RequireFields<InstrumentIndicatorsArgs, 'interval' | 'last'>>;
  lotSize?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  quote?: Resolver<Maybe<ResolversTypes['Quote']>, ParentType, ContextType>;
  symbol?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  tickSize?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  trades?: Resolver<ResolversTypes['MarketTradeConnection'], ParentType, ContextType, RequireFields<InstrumentTradesArgs, 'first'>>;
}>;

export type InstrumentConnectionResolvers<ContextType = MarketDataContext, ParentType extends ResolversParentTypes['InstrumentConnection'] = ResolversParentTypes['InstrumentConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['InstrumentEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type InstrumentEdgeResolvers<ContextType = MarketDataContext, ParentType extends ResolversParentTypes['InstrumentEdge'] = ResolversParentTypes['InstrumentEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Instrument'], ParentType, ContextType>;
}>;

export type MacdSeriesResolvers<ContextType = MarketDataContext, ParentType extends ResolversParentTypes['MacdSeries'] = ResolversParentTypes['MacdSeries']> = ResolversObject<{
  histogram?: Resolver<Array<Maybe<ResolversTypes['Float']>>, ParentType, ContextType>;
  line?: Resolver<Array<Maybe<ResolversTypes['Float']>>, ParentType, ContextType>;
  signal?: Resolver<Array<Maybe<ResolversTypes['Float']>>, ParentType, ContextType>;
}>;

export type MarketTradeResolvers<ContextType = MarketDataContext, ParentType extends ResolversParentTypes['MarketTrade'] = ResolversParentTypes['MarketTrade']> = ResolversObject<{
  aggressorSide?: Resolver<Maybe<ResolversTypes['AggressorSide']>, ParentType, ContextType>;
  executedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  price?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
}>;

export type MarketTradeConnectionResolvers<ContextType = MarketDataContext, ParentType extends ResolversParentTypes['MarketTradeConnection'] = ResolversParentTypes['MarketTradeConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['MarketTradeEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type MarketTradeEdgeResolvers<ContextType = MarketDataContext, ParentType extends ResolversParentTypes['MarketTradeEdge'] = ResolversParentTypes['MarketTradeEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['MarketTrade'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = MarketDataContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  addToWatchlist?: Resolver<Array<ResolversTypes['Instrument']>, ParentType, ContextType, RequireFields<MutationAddToWatchlistArgs, 'instrumentId'>>;
  createPriceAlert?: Resolver<ResolversTypes['PriceAlert'], ParentType, ContextType, RequireFields<MutationCreatePriceAlertArgs, 'input'>>;
  deletePriceAlert?: Resolver<ResolversTypes['PriceAlert'], ParentType, ContextType, RequireFields<MutationDeletePriceAlertArgs, 'id'>>;
  removeFromWatchlist?: Resolver<Array<ResolversTypes['Instrument']>, ParentType, ContextType, RequireFields<MutationRemoveFromWatchlistArgs, 'instrumentId'>>;
  setInstrumentTrading?: Resolver<ResolversTypes['Instrument'], ParentType, ContextType, RequireFields<MutationSetInstrumentTradingArgs, 'active' | 'id'>>;
}>;

export type OrderBookSnapshotResolvers<ContextType = MarketDataContext, ParentType extends ResolversParentTypes['OrderBookSnapshot'] = ResolversParentTypes['OrderBookSnapshot']> = ResolversObject<{
  asks?: Resolver<Array<ResolversTypes['PriceLevel']>, ParentType, ContextType>;
  bids?: Resolver<Array<ResolversTypes['PriceLevel']>, ParentType, ContextType>;
  instrument?: Resolver<ResolversTypes['Instrument'], ParentType, ContextType>;
}>;

export type PageInfoResolvers<ContextType = MarketDataContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type PriceAlertResolvers<ContextType = MarketDataContext, ParentType extends ResolversParentTypes['PriceAlert'] = ResolversParentTypes['PriceAlert']> = ResolversObject<{
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  direction?: Resolver<ResolversTypes['PriceAlertDirection'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  instrument?: Resolver<ResolversTypes['Instrument'], ParentType, ContextType>;
  price?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  triggerPrice?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  triggeredAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
}>;

export type PriceAlertConnectionResolvers<ContextType = MarketDataContext, ParentType extends ResolversParentTypes['PriceAlertConnection'] = ResolversParentTypes['PriceAlertConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['PriceAlertEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type PriceAlertEdgeResolvers<ContextType = MarketDataContext, ParentType extends ResolversParentTypes['PriceAlertEdge'] = ResolversParentTypes['PriceAlertEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['PriceAlert'], ParentType, ContextType>;
}>;

export type PriceLevelResolvers<ContextType = MarketDataContext, ParentType extends ResolversParentTypes['PriceLevel'] = ResolversParentTypes['PriceLevel']> = ResolversObject<{
  orders?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  price?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = MarketDataContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  instrument?: Resolver<Maybe<ResolversTypes['Instrument']>, ParentType, ContextType, RequireFields<QueryInstrumentArgs, 'id'>>;
  instrumentBySymbol?: Resolver<Maybe<ResolversTypes['Instrument']>, ParentType, ContextType, RequireFields<QueryInstrumentBySymbolArgs, 'symbol'>>;
  instruments?: Resolver<ResolversTypes['InstrumentConnection'], ParentType, ContextType, RequireFields<QueryInstrumentsArgs, 'first'>>;
  orderBook?: Resolver<Maybe<ResolversTypes['OrderBookSnapshot']>, ParentType, ContextType, RequireFields<QueryOrderBookArgs, 'depth' | 'symbol'>>;
}>;

export type QuoteResolvers<ContextType = MarketDataContext, ParentType extends ResolversParentTypes['Quote'] = ResolversParentTypes['Quote']> = ResolversObject<{
  ask?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  askSize?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  bid?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  bidSize?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  last?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  spread?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
}>;

export type QuoteUpdateResolvers<ContextType = MarketDataContext, ParentType extends ResolversParentTypes['QuoteUpdate'] = ResolversParentTypes['QuoteUpdate']> = ResolversObject<{
  instrument?: Resolver<ResolversTypes['Instrument'], ParentType, ContextType>;
  quote?: Resolver<ResolversTypes['Quote'], ParentType, ContextType>;
}>;

export type SubscriptionResolvers<ContextType = MarketDataContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = ResolversObject<{
  candles?: SubscriptionResolver<ResolversTypes['Candle'], "candles", ParentType, ContextType, RequireFields<SubscriptionCandlesArgs, 'interval' | 'symbol'>>;
  orderBook?: SubscriptionResolver<ResolversTypes['OrderBookSnapshot'], "orderBook", ParentType, ContextType, RequireFields<SubscriptionOrderBookArgs, 'depth' | 'symbol'>>;
  priceAlertTriggered?: SubscriptionResolver<ResolversTypes['PriceAlert'], "priceAlertTriggered", ParentType, ContextType>;
  quotes?: SubscriptionResolver<ResolversTypes['QuoteUpdate'], "quotes", ParentType, ContextType, RequireFields<SubscriptionQuotesArgs, 'symbols'>>;
  trades?: SubscriptionResolver<ResolversTypes['MarketTrade'], "trades", ParentType, ContextType, RequireFields<SubscriptionTradesArgs, 'symbol'>>;
}>;

export type UserResolvers<ContextType = MarketDataContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User'], FederationReferenceType extends FederationReferenceTypes['User'] = FederationReferenceTypes['User']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['User']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  priceAlerts?: Resolver<ResolversTypes['PriceAlertConnection'], ParentType, ContextType, RequireFields<UserPriceAlertsArgs, 'first'>>;
  watchlist?: Resolver<Array<ResolversTypes['Instrument']>, ParentType, ContextType>;
}>;

export type Resolvers<ContextType = MarketDataContext> = ResolversObject<{
  BollingerBandSeries?: BollingerBandSeriesResolvers<ContextType>;
  Candle?: CandleResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Decimal?: GraphQLScalarType;
  IndicatorSet?: IndicatorSetResolvers<ContextType>;
  Instrument?: InstrumentResolvers<ContextType>;
  InstrumentConnection?: InstrumentConnectionResolvers<ContextType>;
  InstrumentEdge?: InstrumentEdgeResolvers<ContextType>;
  MacdSeries?: MacdSeriesResolvers<ContextType>;
  MarketTrade?: MarketTradeResolvers<ContextType>;
  MarketTradeConnection?: MarketTradeConnectionResolvers<ContextType>;
  MarketTradeEdge?: MarketTradeEdgeResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  OrderBookSnapshot?: OrderBookSnapshotResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PriceAlert?: PriceAlertResolvers<ContextType>;
  PriceAlertConnection?: PriceAlertConnectionResolvers<ContextType>;
  PriceAlertEdge?: PriceAlertEdgeResolvers<ContextType>;
  PriceLevel?: PriceLevelResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Quote?: QuoteResolvers<ContextType>;
  QuoteUpdate?: QuoteUpdateResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
}>;

