import { GraphQLError, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { ErrorCode } from '@mib/errors';
import { readCostDirectives } from './costDirectives.js';
import { operationCostError } from './costLimitPlugin.js';
import { operationLimitError } from './operationLimitsPlugin.js';
import { countTokens } from './operationTokens.js';
import type { ProtectionSettings } from './protectionConfig.js';
import { isTrustedDocument, type TrustedDocumentManifest } from './trustedDocuments.js';

/** A subscription as the WebSocket server has parsed and validated it. */
export interface SubscriptionOperation {
  readonly schema: GraphQLSchema;
  readonly query: string;
  readonly document: DocumentNode;
  readonly operation: OperationDefinitionNode;
  readonly variables: Readonly<Record<string, unknown>>;
}

/** Why a subscription may not start; empty when it may. */
export type SubscriptionOperationCheck = (subscription: SubscriptionOperation) => readonly GraphQLError[];

/**
 * The checks HTTP operations get from the Apollo plugins, for subscriptions, which arrive over
 * graphql-ws and never pass through Apollo's request pipeline: trusted documents when enforced,
 * tokens, depth, aliases, directives and cost. (Queries and mutations over WebSocket do go
 * through that pipeline.)
 */
export function subscriptionOperationCheck(options: {
  readonly settings: ProtectionSettings;
  readonly supergraphSdl: string;
  readonly trustedDocuments: TrustedDocumentManifest;
}): SubscriptionOperationCheck {
  const { settings, trustedDocuments } = options;
  const directives = readCostDirectives(options.supergraphSdl);
  const { maxTokens } = settings.operationLimits;
  return (subscription) => {
    if (
      settings.trustedDocuments === 'enforce' &&
      !isTrustedDocument(trustedDocuments, subscription.document)
    )
      return [
        new GraphQLError('Only the trusted documents registered with this API may run', {
          extensions: { code: ErrorCode.DOCUMENT_NOT_TRUSTED },
        }),
      ];
    const tokens = countTokens(subscription.query, maxTokens);
    if (tokens !== null && tokens > maxTokens)
      return [
        new GraphQLError(`The operation has more than ${maxTokens} tokens`, {
          extensions: { code: ErrorCode.OPERATION_LIMIT_EXCEEDED, limit: 'tokens', max: maxTokens },
        }),
      ];
    const error =
      operationLimitError(subscription.schema, subscription.document, settings.operationLimits) ??
      operationCostError(subscription, directives, settings.cost);
    return error ? [withoutHttpStatus(error)] : [];
  };
}

/** The same error without `extensions.http`, which means nothing on a WebSocket. */
function withoutHttpStatus(error: GraphQLError): GraphQLError {
  const { http: _http, ...extensions } = error.extensions;
  return new GraphQLError(error.message, { extensions });
}
