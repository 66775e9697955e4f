import { GraphQLError } from 'graphql';
import { ErrorCode } from '@mib/errors';
import type { OperationCheck } from './operationChecksPlugin.js';
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
export function trustedDocumentsCheck(manifest: TrustedDocumentManifest): OperationCheck {
  const trustedTexts = new Set<string>();
  return ({ queryHash, document }) => {
    if (manifest.has(queryHash) || trustedTexts.has(queryHash)) return undefined;
    if (isTrustedDocument(manifest, document)) {
      if (trustedTexts.size >= MAX_REMEMBERED_TEXTS) trustedTexts.clear();
      trustedTexts.add(queryHash);
      return undefined;
    }
    return new GraphQLError(UNTRUSTED_DOCUMENT_MESSAGE, {
      extensions: { code: ErrorCode.DOCUMENT_NOT_TRUSTED, http: { status: 400 } },
    });
  };
}
