import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import { CallerTokenError, IDENTITY_HEADER, type Caller, type CallerTokens } from '@mib/auth';
import { callerTokenRefusal } from './callerVerification.js';

/**
 * The gateway's GraphQL POSTs, served on node:http straight into Apollo Server's
 * `executeHTTPGraphQLRequest` (what `@as-integrations/express5` calls too), without Express's
 * router, request/response prototypes, body-parser and `res.send`: every dashboard crosses this
 * path five times, and Express was about a tenth of the subgraphs' CPU per request. Anything
 * else on `/graphql` (GET, other content types, compressed bodies) still goes through Express.
 */
export interface GraphQLPostRouteOptions<Context extends BaseContext> {
  readonly server: ApolloServer<Context>;
  readonly callerTokens: CallerTokens;
  readonly createContext: (caller: Caller) => Promise<Context>;
  readonly maxBodyBytes: number;
  /** Called with anything the route did not expect (Apollo Server answers GraphQL errors itself). */
  readonly onUnexpectedError: (error: unknown) => void;
}

/** Whether `serveGraphQLPost` takes this request: an uncompressed JSON POST to `path`. */
export function isDirectGraphQLPost(request: IncomingMessage, path: string): boolean {
  if (request.method !== 'POST' || request.headers['content-encoding'] !== undefined) return false;
  const url = request.url ?? '';
  if (!(url === path || url.startsWith(`${path}?`))) return false;
  return request.headers['content-type']?.startsWith('application/json') ?? false;
}

export function graphqlPostRoute<Context extends BaseContext>(
  options: GraphQLPostRouteOptions<Context>,
): (request: IncomingMessage, response: ServerResponse) => void {
  const { server, callerTokens, createContext, maxBodyBytes, onUnexpectedError } = options;
  return (request, response) => {
    let caller: Caller;
    try {
      caller = callerTokens.verify(request.headers[IDENTITY_HEADER]);
    } catch (error) {
      if (!(error instanceof CallerTokenError)) throw error;
      request.resume();
      sendJson(response, 401, callerTokenRefusal(error));
      return;
    }
    readJsonBody(request, maxBodyBytes)
      .then(async (body) => {
        if (body instanceof BodyRefusal) {
          sendJson(response, body.status, {
            errors: [{ message: body.message, extensions: { code: body.code } }],
          });
          return;
        }
        const answer = await server.executeHTTPGraphQLRequest({
          httpGraphQLRequest: {
            method: 'POST',
            headers: headerMapOf(request),
            search: searchOf(request),
            body,
          },
          context: () => createContext(caller),
        });
        response.statusCode = answer.status ?? 200;
        for (const [name, value] of answer.headers) response.setHeader(name, value);
        if (answer.body.kind === 'complete') {
          response.end(answer.body.string);
          return;
        }
        for await (const chunk of answer.body.asyncIterator) response.write(chunk);
        response.end();
      })
      .catch((error: unknown) => {
        onUnexpectedError(error);
        if (response.headersSent) response.destroy();
        else
          sendJson(response, 500, {
            errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
          });
      });
  };
}

/** Why a body was not read, as the GraphQL error the client gets. */
class BodyRefusal {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly message: string,
  ) {}
}

/** The parsed JSON body, or why it was refused (over `maxBytes`, or not JSON). */
function readJsonBody(request: IncomingMessage, maxBytes: number): Promise<unknown> {
  const tooLarge = () =>
    new BodyRefusal(413, 'PAYLOAD_TOO_LARGE', `Request body is larger than ${maxBytes} bytes`);
  if (Number(request.headers['content-length'] ?? 0) > maxBytes) {
    request.resume();
    return Promise.resolve(tooLarge());
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    const onData = (chunk: Buffer) => {
      length += chunk.length;
      if (length > maxBytes) {
        request.off('data', onData);
        request.resume();
        resolve(tooLarge());
        return;
      }
      chunks.push(chunk);
    };
    request.on('data', onData);
    request.once('error', reject);
    request.once('end', () => {
      if (length > maxBytes) return;
      try {
        resolve(JSON.parse(Buffer.concat(chunks, length).toString('utf8')));
      } catch {
        resolve(new BodyRefusal(400, 'BAD_REQUEST', 'Request body is not valid JSON'));
      }
    });
  });
}

function headerMapOf(request: IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(request.headers))
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  return headers;
}

function searchOf(request: IncomingMessage): string {
  const url = request.url ?? '';
  const query = url.indexOf('?');
  return query < 0 ? '' : url.slice(query);
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}
