import { Counter, Gauge, Histogram, type Registry } from '@mib/telemetry';

/**
 * Close codes counted under their own label: the protocol's (protocol.ts) and the RFC 6455 ones
 * clients and proxies send. Any other code a client picks is counted as `other`, so the label
 * set stays bounded whatever clients send.
 */
const KNOWN_CLOSE_CODES = [
  1000, 1001, 1005, 1006, 1008, 1011, 4400, 4401, 4403, 4406, 4408, 4409, 4429, 4500,
] as const;

/** What a subgraph fetch ended with: a 2xx answer, another status, or no answer at all. */
export type SubgraphFetchOutcome = 'ok' | 'http_error' | 'network_error';

/** The fetch metrics of one subgraph, label children made once (subgraph fetches are per request). */
export interface SubgraphFetchTimers {
  readonly duration: Readonly<Record<SubgraphFetchOutcome, { observe(seconds: number): void }>>;
  readonly deduplicated: { inc(): void };
}

/**
 * The gateway's own metrics beside `graphql_*`: what pages an operator (live connections and
 * subscriptions, refusals by rate limits, credentials and operation checks, subgraph latency).
 * Every label is bounded: policy and check names, close codes, schema field and subgraph names.
 */
export class GatewayMetrics {
  readonly rateLimited: Counter<'policy' | 'kind'>;
  readonly authenticationFailures: Counter<'reason'>;
  readonly operationsRefused: Counter<'check'>;
  readonly subscriptionEventsDelivered: Counter<'field'>;
  readonly #connectionsClosed: Counter<'code'>;
  readonly #closedByCode = new Map<number, { inc(): void }>();
  readonly #closedOther: { inc(): void };
  readonly #subgraphFetches: Histogram<'subgraph' | 'outcome'>;
  readonly #subgraphDeduplicated: Counter<'subgraph'>;

  constructor(private readonly registry: Registry) {
    const registers = [registry];
    this.rateLimited = new Counter({
      name: 'gateway_rate_limit_rejections_total',
      help: 'Requests, WebSocket operations and connections refused for an empty rate-limit bucket, by policy',
      labelNames: ['policy', 'kind'],
      registers,
    });
    this.authenticationFailures = new Counter({
      name: 'gateway_authentication_failures_total',
      help: 'Credentials refused (HTTP 401, graphql-ws 4403), by reason',
      labelNames: ['reason'],
      registers,
    });
    this.operationsRefused = new Counter({
      name: 'gateway_operations_refused_total',
      help: 'Operations refused before planning by trusted documents, token, depth, alias, directive or cost limits, or the per-connection subscription cap',
      labelNames: ['check'],
      registers,
    });
    this.subscriptionEventsDelivered = new Counter({
      name: 'gateway_subscription_events_delivered_total',
      help: 'Subscription events written to clients, by subscription root field',
      labelNames: ['field'],
      registers,
    });
    this.#connectionsClosed = new Counter({
      name: 'gateway_websocket_connections_closed_total',
      help: 'graphql-ws connections closed, by close code (the gateway’s when it closed, else the peer’s)',
      labelNames: ['code'],
      registers,
    });
    for (const code of KNOWN_CLOSE_CODES)
      this.#closedByCode.set(code, this.#connectionsClosed.labels(String(code)));
    this.#closedOther = this.#connectionsClosed.labels('other');
    this.#subgraphFetches = new Histogram({
      name: 'gateway_subgraph_fetch_duration_seconds',
      help: 'Subgraph HTTP requests from the gateway, from sending to the whole body read, by subgraph and outcome',
      labelNames: ['subgraph', 'outcome'],
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    });
    this.#subgraphDeduplicated = new Counter({
      name: 'gateway_subgraph_fetches_deduplicated_total',
      help: 'Subgraph queries answered by an identical request already in flight, by subgraph',
      labelNames: ['subgraph'],
      registers,
    });
  }

  /** The fetch metrics of `subgraph`; call once per subgraph, at start-up. */
  subgraphFetches(subgraph: string): SubgraphFetchTimers {
    return {
      duration: {
        ok: this.#subgraphFetches.labels(subgraph, 'ok'),
        http_error: this.#subgraphFetches.labels(subgraph, 'http_error'),
        network_error: this.#subgraphFetches.labels(subgraph, 'network_error'),
      },
      deduplicated: this.#subgraphDeduplicated.labels(subgraph),
    };
  }

  connectionClosed(code: number): void {
    (this.#closedByCode.get(code) ?? this.#closedOther).inc();
  }

  /**
   * Gauges read at scrape time from the WebSocket server's own state: nothing is counted up and
   * down on the way. `subscriptionsByField` starts from every root field of the schema at 0.
   */
  observeLiveConnections(source: {
    readonly openConnections: () => number;
    readonly subscriptionsByField: () => ReadonlyMap<string, number>;
  }): void {
    const registers = [this.registry];
    new Gauge({
      name: 'gateway_websocket_connections_open',
      help: 'graphql-ws connections open, acknowledged or not',
      registers,
      collect() {
        this.set(source.openConnections());
      },
    });
    new Gauge({
      name: 'gateway_subscriptions_active',
      help: 'Client subscriptions being served, by subscription root field',
      labelNames: ['field'],
      registers,
      collect() {
        for (const [field, count] of source.subscriptionsByField()) this.set({ field }, count);
      },
    });
  }
}
