import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { IDENTITY_HEADER, type Caller, type CallerTokens, type Identity } from '@mib/auth';

/** What the gateway knows of each operation's caller. */
export interface GatewayContext {
  readonly caller: Caller;
  /** `caller.identity`, where resolvers and plugins look for it. */
  readonly identity: Identity | null;
}

/**
 * A subgraph data source that tells the subgraph who is calling, in a caller token signed for
 * this request. Subgraphs trust only that signature, never a client's own claims: the header is
 * replaced here, last, on every request.
 */
export class IdentityForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  readonly #callerTokens: CallerTokens;

  constructor(
    config: ConstructorParameters<typeof RemoteGraphQLDataSource>[0] & { callerTokens: CallerTokens },
  ) {
    const { callerTokens, ...dataSourceConfig } = config;
    super(dataSourceConfig);
    this.#callerTokens = callerTokens;
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = request.http?.headers;
    if (!headers) return;
    // Health checks and schema loading run without a request context: they go as anonymous.
    const caller = (context as Partial<GatewayContext> | undefined)?.caller ?? {
      identity: null,
      clientIp: null,
    };
    headers.set(IDENTITY_HEADER, this.#callerTokens.sign(caller));
  }
}
