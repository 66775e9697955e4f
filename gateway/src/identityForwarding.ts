import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { IDENTITY_HEADER, serializeIdentity, type Identity } from '@mib/auth';

/** What the gateway knows of each operation's caller. */
export interface GatewayContext {
  readonly identity: Identity | null;
}

/**
 * A subgraph data source that tells the subgraph who is calling. Subgraphs trust only this
 * header, never a client's own claims (clients cannot reach it: the gateway sets it last).
 */
export class IdentityForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = request.http?.headers;
    if (!headers) return;
    headers.delete(IDENTITY_HEADER);
    // Health checks and schema loading run without a request context.
    const identity = (context as Partial<GatewayContext> | undefined)?.identity;
    if (identity) headers.set(IDENTITY_HEADER, serializeIdentity(identity));
  }
}
