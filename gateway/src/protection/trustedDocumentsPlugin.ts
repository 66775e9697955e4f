import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '@mib/errors';
import {
  isTrustedDocument,
  UNTRUSTED_DOCUMENT_MESSAGE,
  type TrustedDocumentManifest,
} from './trustedDocuments.js';

/** Texts found trusted after normalising, by Apollo's query hash; cleared when this many. */
const MAX_REMEMBERED_TEXTS = 10_000;

/**
 * With TRUSTED_DOCUMENTS=enforce, the check of `useTrustedDocuments` for operations that do not
 * come through the HTTP middleware: queries and mutations sent over WebSocket, which reach
 * Apollo through `executeOperation` as printed documents. Refuses anything unregistered with
 * 400 DOCUMENT_NOT_TRUSTED before it is planned.
 */
export function trustedDocumentsPlugin<Context extends BaseContext>(
  manifest: TrustedDocumentManifest,
): ApolloServerPlugin<Context> {
  const trustedTexts = new Set<string>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ queryHash, document }) {
          if (manifest.has(queryHash) || trustedTexts.has(queryHash)) return;
          if (isTrustedDocument(manifest, document)) {
            if (trustedTexts.size >= MAX_REMEMBERED_TEXTS) trustedTexts.clear();
            trustedTexts.add(queryHash);
            return;
          }
          throw new GraphQLError(UNTRUSTED_DOCUMENT_MESSAGE, {
            extensions: { code: ErrorCode.DOCUMENT_NOT_TRUSTED, http: { status: 400 } },
          });
        },
      };
    },
  };
}
