/** `{ "sha256:<hex>": document }`: every document of `src/operations`, as the gateway trusts them. */
export const persistedDocumentsFile = new URL('./generated/persisted-documents.json', import.meta.url);

/**
 * The hex sha256 a generated document is registered under (codegen keeps it in the document's
 * `__meta__`, prefixed `sha256:` as the GraphQL-over-HTTP persisted-documents appendix writes it).
 */
export function documentHash(document: object): string {
  const meta = (document as { __meta__?: { hash?: unknown } }).__meta__;
  if (typeof meta?.hash !== 'string') throw new Error('not a generated persisted document');
  return meta.hash.replace(/^sha256:/, '');
}

/**
 * The request `extensions` that run a generated document by its hash alone (Apollo's persisted
 * query protocol): send these, the variables and no `query`.
 */
export const persistedQueryExtensions = (document: object) => ({
  persistedQuery: { version: 1, sha256Hash: documentHash(document) },
});
