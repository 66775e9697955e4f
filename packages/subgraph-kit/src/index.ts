export {
  startSubgraph,
  loadTypeDefs,
  type SubgraphDefinition,
  type SubgraphServerOptions,
  type RunningService,
} from './startSubgraph.js';
export { DecimalScalar, DateTimeScalar, type DecimalOutput } from './scalars.js';
export {
  pageQuery,
  pageWhere,
  toConnection,
  parseId,
  isUuid,
  encodeCursor,
  decodeCursor,
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  type ConnectionArguments,
  type Connection,
  type PageQuery,
  type OrderColumn,
} from './pagination.js';
export { runSubgraphProcess, subgraphEnvironment, databaseHealthCheck } from './process.js';
export { databaseSubgraph, type DatabaseSubgraph } from './databaseSubgraph.js';
export { startSubgraphs, type RunningSubgraphs } from './startSubgraphs.js';
export { createPageLoader, type PageKey, type PageLoader, type PageSource } from './pageLoader.js';
export {
  applyOnce,
  READ_MODEL_TRANSACTIONS_PER_CLIENT,
  consumeIntoReadModel,
  readModelProgressOf,
  type EventMarkSchema,
  type Transaction,
} from './readModel.js';
export { withAdvisoryLock, type AdvisoryLock } from './advisoryLock.js';
export { LiveEvents, liveEventsOf, type LiveEventsOptions } from './liveEvents.js';
export { ReadModelProgress, type ReadModelMark, type StreamPosition } from './readModelProgress.js';
export { ConsumerMetrics, meteredEventBus, unmeteredBus, type HandlingOutcome } from './consumerMetrics.js';
export type { PlatformServices, BackgroundTask } from './platformServices.js';
export { InstrumentCatalog, unknownInstrument, type InstrumentRef } from './instrumentCatalog.js';
export { SubscriberCount } from './subscriberCount.js';
export { enforceAuthorizationDirectives } from './authorizationDirectives.js';
export { callerOfRequest } from './callerVerification.js';
export {
  FxRates,
  FxRatesLoader,
  loadFxRates,
  NO_FX_RATES,
  ratesToConvert,
  type CurrencyAmount,
  type PairPrice,
} from './fxRates.js';
export { markPriceOf, type QuotePrices } from './markPrice.js';
