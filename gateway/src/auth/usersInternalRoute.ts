import { IDENTITY_HEADER, type CallerTokens } from '@mib/auth';

/**
 * POSTs JSON to one of the users subgraph's internal routes (API-key verification, session
 * liveness), signed as the gateway's own anonymous call: those routes serve no one else.
 */
export const postToUsersRoute = (url: URL, callerTokens: CallerTokens, body: unknown): Promise<Response> =>
  fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [IDENTITY_HEADER]: callerTokens.sign({ identity: null, clientIp: null }),
    },
    body: JSON.stringify(body),
  });
