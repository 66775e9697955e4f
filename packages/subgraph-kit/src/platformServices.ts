import type { EngineClient } from '@mib/engine';
import type { EventBus } from '@mib/events';
import type { Redis } from 'ioredis';

/**
 * What a subgraph reaches besides its database: the event bus (read models and live
 * subscriptions), the matching engine (commands) and Redis. One instance each per process.
 */
export interface PlatformServices {
  readonly events: EventBus;
  readonly engine: EngineClient;
  /** Shared state across replicas (sessions, throttles) when `REDIS_URL` is set. */
  readonly redis?: Redis;
}

/** Something a subgraph runs in the background (a read-model consumer) and stops on shutdown. */
export interface BackgroundTask {
  close(): Promise<void>;
}
