import type { EngineClient } from '@mib/engine';
import type { EventBus } from '@mib/events';

/**
 * What a subgraph reaches besides its database: the event bus (read models and live
 * subscriptions) and the matching engine (commands). One instance each per process.
 */
export interface PlatformServices {
  readonly events: EventBus;
  readonly engine: EngineClient;
}

/** Something a subgraph runs in the background (a read-model consumer) and stops on shutdown. */
export interface BackgroundTask {
  close(): Promise<void>;
}
