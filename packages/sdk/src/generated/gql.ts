/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query Dashboard($userId: ID!) {\n  user(id: $userId) {\n    id\n    displayName\n    portfolio {\n      ...PortfolioSummary\n    }\n    orders(status: [OPEN, PARTIALLY_FILLED], first: 20) {\n      edges {\n        node {\n          ...OrderRow\n        }\n      }\n    }\n    riskProfile {\n      id\n      maxOrderNotional\n      maxPositionNotional\n      exposure {\n        grossNotional\n        netNotional\n      }\n    }\n  }\n  instruments(first: 20) {\n    edges {\n      node {\n        id\n        symbol\n        name\n        quote {\n          ...QuoteFields\n        }\n      }\n    }\n  }\n}": typeof types.DashboardDocument,
    "fragment QuoteFields on Quote {\n  bid\n  ask\n  last\n  spread\n  updatedAt\n}\n\nfragment OrderRow on Order {\n  id\n  instrument {\n    id\n    symbol\n  }\n  side\n  type\n  status\n  price\n  quantity\n  filledQuantity\n  remainingQuantity\n  averagePrice\n  updatedAt\n}\n\nfragment PortfolioSummary on Portfolio {\n  id\n  baseCurrency\n  cash\n  realizedPnl\n  unrealizedPnl\n  positions(first: 50) {\n    edges {\n      node {\n        id\n        instrument {\n          id\n          symbol\n        }\n        quantity\n        averageCost\n        marketPrice\n        marketValue\n        unrealizedPnl\n      }\n    }\n  }\n}": typeof types.QuoteFieldsFragmentDoc,
    "subscription Quotes($symbols: [String!]!) {\n  quotes(symbols: $symbols) {\n    instrument {\n      id\n      symbol\n    }\n    quote {\n      ...QuoteFields\n    }\n  }\n}": typeof types.QuotesDocument,
    "mutation PlaceOrder($input: PlaceOrderInput!) {\n  placeOrder(input: $input) {\n    __typename\n    ... on OrderAccepted {\n      order {\n        ...OrderRow\n      }\n    }\n    ... on OrderRejected {\n      reason\n      code\n      message\n    }\n  }\n}\n\nmutation CancelOrder($id: ID!) {\n  cancelOrder(id: $id) {\n    __typename\n    ... on OrderCancelled {\n      order {\n        ...OrderRow\n      }\n    }\n    ... on OrderRejected {\n      reason\n      code\n      message\n    }\n  }\n}\n\nsubscription OrderUpdates {\n  myOrderUpdates {\n    ...OrderRow\n  }\n}": typeof types.PlaceOrderDocument,
    "query Portfolio($id: ID!) {\n  portfolio(id: $id) {\n    ...PortfolioSummary\n  }\n}\n\nsubscription PortfolioUpdates {\n  myPortfolio {\n    ...PortfolioSummary\n  }\n}": typeof types.PortfolioDocument,
    "fragment SessionTokens on AuthPayload {\n  accessToken\n  accessTokenExpiresAt\n  refreshToken\n  refreshTokenExpiresAt\n  user {\n    id\n    displayName\n    role\n  }\n}\n\nmutation LogIn($input: LogInInput!) {\n  logIn(input: $input) {\n    ...SessionTokens\n  }\n}\n\nmutation Refresh($refreshToken: String!) {\n  refresh(refreshToken: $refreshToken) {\n    ...SessionTokens\n  }\n}\n\nmutation LogOut($refreshToken: String!) {\n  logOut(refreshToken: $refreshToken)\n}": typeof types.SessionTokensFragmentDoc,
};
const documents: Documents = {
    "query Dashboard($userId: ID!) {\n  user(id: $userId) {\n    id\n    displayName\n    portfolio {\n      ...PortfolioSummary\n    }\n    orders(status: [OPEN, PARTIALLY_FILLED], first: 20) {\n      edges {\n        node {\n          ...OrderRow\n        }\n      }\n    }\n    riskProfile {\n      id\n      maxOrderNotional\n      maxPositionNotional\n      exposure {\n        grossNotional\n        netNotional\n      }\n    }\n  }\n  instruments(first: 20) {\n    edges {\n      node {\n        id\n        symbol\n        name\n        quote {\n          ...QuoteFields\n        }\n      }\n    }\n  }\n}": types.DashboardDocument,
    "fragment QuoteFields on Quote {\n  bid\n  ask\n  last\n  spread\n  updatedAt\n}\n\nfragment OrderRow on Order {\n  id\n  instrument {\n    id\n    symbol\n  }\n  side\n  type\n  status\n  price\n  quantity\n  filledQuantity\n  remainingQuantity\n  averagePrice\n  updatedAt\n}\n\nfragment PortfolioSummary on Portfolio {\n  id\n  baseCurrency\n  cash\n  realizedPnl\n  unrealizedPnl\n  positions(first: 50) {\n    edges {\n      node {\n        id\n        instrument {\n          id\n          symbol\n        }\n        quantity\n        averageCost\n        marketPrice\n        marketValue\n        unrealizedPnl\n      }\n    }\n  }\n}": types.QuoteFieldsFragmentDoc,
    "subscription Quotes($symbols: [String!]!) {\n  quotes(symbols: $symbols) {\n    instrument {\n      id\n      symbol\n    }\n    quote {\n      ...QuoteFields\n    }\n  }\n}": types.QuotesDocument,
    "mutation PlaceOrder($input: PlaceOrderInput!) {\n  placeOrder(input: $input) {\n    __typename\n    ... on OrderAccepted {\n      order {\n        ...OrderRow\n      }\n    }\n    ... on OrderRejected {\n      reason\n      code\n      message\n    }\n  }\n}\n\nmutation CancelOrder($id: ID!) {\n  cancelOrder(id: $id) {\n    __typename\n    ... on OrderCancelled {\n      order {\n        ...OrderRow\n      }\n    }\n    ... on OrderRejected {\n      reason\n      code\n      message\n    }\n  }\n}\n\nsubscription OrderUpdates {\n  myOrderUpdates {\n    ...OrderRow\n  }\n}": types.PlaceOrderDocument,
    "query Portfolio($id: ID!) {\n  portfolio(id: $id) {\n    ...PortfolioSummary\n  }\n}\n\nsubscription PortfolioUpdates {\n  myPortfolio {\n    ...PortfolioSummary\n  }\n}": types.PortfolioDocument,
    "fragment SessionTokens on AuthPayload {\n  accessToken\n  accessTokenExpiresAt\n  refreshToken\n  refreshTokenExpiresAt\n  user {\n    id\n    displayName\n    role\n  }\n}\n\nmutation LogIn($input: LogInInput!) {\n  logIn(input: $input) {\n    ...SessionTokens\n  }\n}\n\nmutation Refresh($refreshToken: String!) {\n  refresh(refreshToken: $refreshToken) {\n    ...SessionTokens\n  }\n}\n\nmutation LogOut($refreshToken: String!) {\n  logOut(refreshToken: $refreshToken)\n}": types.SessionTokensFragmentDoc,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Dashboard($userId: ID!) {\n  user(id: $userId) {\n    id\n    displayName\n    portfolio {\n      ...PortfolioSummary\n    }\n    orders(status: [OPEN, PARTIALLY_FILLED], first: 20) {\n      edges {\n        node {\n          ...OrderRow\n        }\n      }\n    }\n    riskProfile {\n      id\n      maxOrderNotional\n      maxPositionNotional\n      exposure {\n        grossNotional\n        netNotional\n      }\n    }\n  }\n  instruments(first: 20) {\n    edges {\n      node {\n        id\n        symbol\n        name\n        quote {\n          ...QuoteFields\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query Dashboard($userId: ID!) {\n  user(id: $userId) {\n    id\n    displayName\n    portfolio {\n      ...PortfolioSummary\n    }\n    orders(status: [OPEN, PARTIALLY_FILLED], first: 20) {\n      edges {\n        node {\n          ...OrderRow\n        }\n      }\n    }\n    riskProfile {\n      id\n      maxOrderNotional\n      maxPositionNotional\n      exposure {\n        grossNotional\n        netNotional\n      }\n    }\n  }\n  instruments(first: 20) {\n    edges {\n      node {\n        id\n        symbol\n        name\n        quote {\n          ...QuoteFields\n        }\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment QuoteFields on Quote {\n  bid\n  ask\n  last\n  spread\n  updatedAt\n}\n\nfragment OrderRow on Order {\n  id\n  instrument {\n    id\n    symbol\n  }\n  side\n  type\n  status\n  price\n  quantity\n  filledQuantity\n  remainingQuantity\n  averagePrice\n  updatedAt\n}\n\nfragment PortfolioSummary on Portfolio {\n  id\n  baseCurrency\n  cash\n  realizedPnl\n  unrealizedPnl\n  positions(first: 50) {\n    edges {\n      node {\n        id\n        instrument {\n          id\n          symbol\n        }\n        quantity\n        averageCost\n        marketPrice\n        marketValue\n        unrealizedPnl\n      }\n    }\n  }\n}"): (typeof documents)["fragment QuoteFields on Quote {\n  bid\n  ask\n  last\n  spread\n  updatedAt\n}\n\nfragment OrderRow on Order {\n  id\n  instrument {\n    id\n    symbol\n  }\n  side\n  type\n  status\n  price\n  quantity\n  filledQuantity\n  remainingQuantity\n  averagePrice\n  updatedAt\n}\n\nfragment PortfolioSummary on Portfolio {\n  id\n  baseCurrency\n  cash\n  realizedPnl\n  unrealizedPnl\n  positions(first: 50) {\n    edges {\n      node {\n        id\n        instrument {\n          id\n          symbol\n        }\n        quantity\n        averageCost\n        marketPrice\n        marketValue\n        unrealizedPnl\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription Quotes($symbols: [String!]!) {\n  quotes(symbols: $symbols) {\n    instrument {\n      id\n      symbol\n    }\n    quote {\n      ...QuoteFields\n    }\n  }\n}"): (typeof documents)["subscription Quotes($symbols: [String!]!) {\n  quotes(symbols: $symbols) {\n    instrument {\n      id\n      symbol\n    }\n    quote {\n      ...QuoteFields\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PlaceOrder($input: PlaceOrderInput!) {\n  placeOrder(input: $input) {\n    __typename\n    ... on OrderAccepted {\n      order {\n        ...OrderRow\n      }\n    }\n    ... on OrderRejected {\n      reason\n      code\n      message\n    }\n  }\n}\n\nmutation CancelOrder($id: ID!) {\n  cancelOrder(id: $id) {\n    __typename\n    ... on OrderCancelled {\n      order {\n        ...OrderRow\n      }\n    }\n    ... on OrderRejected {\n      reason\n      code\n      message\n    }\n  }\n}\n\nsubscription OrderUpdates {\n  myOrderUpdates {\n    ...OrderRow\n  }\n}"): (typeof documents)["mutation PlaceOrder($input: PlaceOrderInput!) {\n  placeOrder(input: $input) {\n    __typename\n    ... on OrderAccepted {\n      order {\n        ...OrderRow\n      }\n    }\n    ... on OrderRejected {\n      reason\n      code\n      message\n    }\n  }\n}\n\nmutation CancelOrder($id: ID!) {\n  cancelOrder(id: $id) {\n    __typename\n    ... on OrderCancelled {\n      order {\n        ...OrderRow\n      }\n    }\n    ... on OrderRejected {\n      reason\n      code\n      message\n    }\n  }\n}\n\nsubscription OrderUpdates {\n  myOrderUpdates {\n    ...OrderRow\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Portfolio($id: ID!) {\n  portfolio(id: $id) {\n    ...PortfolioSummary\n  }\n}\n\nsubscription PortfolioUpdates {\n  myPortfolio {\n    ...PortfolioSummary\n  }\n}"): (typeof documents)["query Portfolio($id: ID!) {\n  portfolio(id: $id) {\n    ...PortfolioSummary\n  }\n}\n\nsubscription PortfolioUpdates {\n  myPortfolio {\n    ...PortfolioSummary\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment SessionTokens on AuthPayload {\n  accessToken\n  accessTokenExpiresAt\n  refreshToken\n  refreshTokenExpiresAt\n  user {\n    id\n    displayName\n    role\n  }\n}\n\nmutation LogIn($input: LogInInput!) {\n  logIn(input: $input) {\n    ...SessionTokens\n  }\n}\n\nmutation Refresh($refreshToken: String!) {\n  refresh(refreshToken: $refreshToken) {\n    ...SessionTokens\n  }\n}\n\nmutation LogOut($refreshToken: String!) {\n  logOut(refreshToken: $refreshToken)\n}"): (typeof documents)["fragment SessionTokens on AuthPayload {\n  accessToken\n  accessTokenExpiresAt\n  refreshToken\n  refreshTokenExpiresAt\n  user {\n    id\n    displayName\n    role\n  }\n}\n\nmutation LogIn($input: LogInInput!) {\n  logIn(input: $input) {\n    ...SessionTokens\n  }\n}\n\nmutation Refresh($refreshToken: String!) {\n  refresh(refreshToken: $refreshToken) {\n    ...SessionTokens\n  }\n}\n\nmutation LogOut($refreshToken: String!) {\n  logOut(refreshToken: $refreshToken)\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;