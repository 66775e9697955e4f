import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { printExecutableGraphQLDocument } from '@graphql-tools/documents';
import type { RequestHandler } from 'express';
import { parse, type DocumentNode } from 'graphql';
import { ErrorCode } from '@mib/errors';
import { sendGraphQLError } from './graphqlErrorResponse.js';
import { graphqlRequestsOf } from './graphqlRequests.js';

/**
 * `enforce`: only documents of the manifest run (by hash, or by their text in any layout). `apq`:
 * registered documents run by hash, and anything else goes through Apollo's automatic
 * persisted queries.
 */
export type TrustedDocumentsMode = 'enforce' | 'apq';

/** What every refusal of an unregistered document says, over HTTP and WebSocket alike. */
export const UNTRUSTED_DOCUMENT_MESSAGE = 'Only the trusted documents registered with this API may run';

/** sha256 (hex) of a document's text → the text. */
export type TrustedDocumentManifest = ReadonlyMap<string, string>;

/** Apollo computes persisted-query hashes the same way, so one hash serves APQ and the manifest. */
export const documentHash = (document: string): string => createHash('sha256').update(document).digest('hex');

/**
 * Whether `document` is a registered one, whatever its layout, field order or comments: the SDK's
 * codegen registers documents in the canonical form of graphql-tools' `printExecutableGraphQLDocument`
 * (sorted selections, fragments first), and the same printer brings any copy to that form.
 */
export const isTrustedDocument = (manifest: TrustedDocumentManifest, document: DocumentNode): boolean =>
  manifest.has(documentHash(printExecutableGraphQLDocument(document)));

/** `isTrustedDocument` for a text, without parsing when it is registered verbatim. */
export function isTrustedText(manifest: TrustedDocumentManifest, text: string): boolean {
  if (manifest.has(documentHash(text))) return true;
  try {
    return isTrustedDocument(manifest, parse(text, { noLocation: true }));
  } catch {
    return false;
  }
}

/**
 * Reads a `{ "sha256:<hex>": document }` manifest (the `sha256:` prefix optional) and checks
 * every hash, so a stale or edited file fails at start rather than refusing clients.
 */
export function loadTrustedDocuments(file: string | URL): TrustedDocumentManifest {
  const manifest = new Map<string, string>();
  for (const [key, document] of Object.entries(
    JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>,
  )) {
    const hash = key.replace(/^sha256:/, '');
    if (documentHash(document) !== hash)
      throw new Error(`${String(file)}: ${key} is not the hash of its document`);
    manifest.set(hash, document);
  }
  return manifest;
}

/**
 * Express middleware, before Apollo: a request naming a registered hash gets its document
 * text filled in (Apollo then checks the hash and runs it). In `enforce` mode anything else is
 * refused with 400 DOCUMENT_NOT_TRUSTED before Apollo parses it.
 */
export function useTrustedDocuments(options: {
  readonly manifest: TrustedDocumentManifest;
  readonly mode: TrustedDocumentsMode;
}): RequestHandler {
  const { manifest, mode } = options;
  return (req, res, next) => {
    for (const request of graphqlRequestsOf(req)) {
      const registered =
        request.persistedHash === undefined ? undefined : manifest.get(request.persistedHash);
      if (registered !== undefined) {
        if (request.query === undefined) request.setQuery(registered);
        continue;
      }
      if (mode === 'apq') continue;
      if (
        request.query !== undefined &&
        request.persistedHash === undefined &&
        isTrustedText(manifest, request.query)
      )
        continue;
      return sendGraphQLError(
        res,
        400,
        ErrorCode.DOCUMENT_NOT_TRUSTED,
        UNTRUSTED_DOCUMENT_MESSAGE,
        request.persistedHash === undefined ? {} : { sha256Hash: request.persistedHash },
      );
    }
    next();
  };
}
