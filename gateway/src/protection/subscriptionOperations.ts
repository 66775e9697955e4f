import { GraphQLError, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { ErrorCode } from '@mib/errors';
import { readCostDirectives } from './costDirectives.js';
import { operationCostError } from './costLimit.js';
import { operationLimitError } from './operationLimits.js';
import { exceedsTokenLimit, tooManyTokensMessage } from './operationTokens.js';
import type { ProtectionSettings } from './protectionConfig.js';
import {
  isTrustedDocument,
  UNTRUSTED_DOCUMENT_MESSAGE,
  type TrustedDocumentManifest,
} from './trustedDocuments.js';

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
 * The token limit for operations sent over graphql-ws, asked before they are parsed (over HTTP,
 * `limitOperationTokens` does this): the refusal, or none.
 */
export function operationTextCheck(maxTokens: number): (query: string) => readonly GraphQLError[] {
  return (query) => (exceedsTokenLimit(query, maxTokens) ? [tooManyTokens(maxTokens)] : []);
}

const tooManyTokens = (maxTokens: number): GraphQLError =>
  new GraphQLError(tooManyTokensMessage(maxTokens), {
    extensions: { code: ErrorCode.OPERATION_LIMIT_EXCEEDED, limit: 'tokens', max: maxTokens },
  });

/**
 * The checks HTTP operations get from `operationChecksPlugin`, for subscriptions, which arrive
 * over graphql-ws and never pass through Apollo's request pipeline; in the same order, the first
 * refusal ending them: trusted documents when enforced, depth, aliases, directives and cost.
 * (The token limit comes first, from `operationTextCheck`, before the text is parsed; queries
 * and mutations over WebSocket go through Apollo's pipeline.)
 */
export function subscriptionOperationCheck(options: {
  readonly settings: ProtectionSettings;
  readonly supergraphSdl: string;
  readonly trustedDocuments: TrustedDocumentManifest;
}): SubscriptionOperationCheck {
  const { settings, trustedDocuments } = options;
  const directives = readCostDirectives(options.supergraphSdl);
  // The WebSocket server hands every subscriber of one text the same parsed document, so what
  // depends on the document alone is decided once per document, not once per subscriber.
  const documentRefusals = new WeakMap<DocumentNode, GraphQLError | null>();
  const refusalOfDocument = (subscription: SubscriptionOperation): GraphQLError | null => {
    if (
      settings.trustedDocuments === 'enforce' &&
      !isTrustedDocument(trustedDocuments, subscription.document)
    )
      return new GraphQLError(UNTRUSTED_DOCUMENT_MESSAGE, {
        extensions: { code: ErrorCode.DOCUMENT_NOT_TRUSTED },
      });
    const error = operationLimitError(subscription.schema, subscription.document, settings.operationLimits);
    return error ? withoutHttpStatus(error) : null;
  };
  return (subscription) => {
    let refusal = documentRefusals.get(subscription.document);
    if (refusal === undefined) {
      refusal = refusalOfDocument(subscription);
      documentRefusals.set(subscription.document, refusal);
    }
    if (refusal) return [refusal];
    // Cost depends on the variables (slicing arguments), so it is estimated per subscriber.
    const costError = operationCostError(subscription, directives, settings.cost);
    return costError ? [withoutHttpStatus(costError)] : [];
  };
}

/** The same error without `extensions.http`, which means nothing on a WebSocket. */
function withoutHttpStatus(error: GraphQLError): GraphQLError {
  const { http: _http, ...extensions } = error.extensions;
  return new GraphQLError(error.message, { extensions });
}
