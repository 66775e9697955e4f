import type { Server } from 'node:http';
import cors from 'cors';
import type { RequestHandler } from 'express';

/** Browser origins allowed to call the API (`CORS_ORIGINS`); `any` only outside production. */
export type AllowedOrigins = readonly string[] | 'any';

export const isAllowedOrigin = (origins: AllowedOrigins, origin: string | undefined): boolean =>
  origin === undefined || origins === 'any' || origins.includes(origin);

/**
 * CORS for the allow-list: listed origins get the CORS headers (with credentials, preflights
 * cached 10 minutes); others get none, so browsers keep their responses from the page. CORS
 * does not stop a request from being sent: Apollo's CSRF prevention covers the requests a
 * browser sends without a preflight.
 */
export function corsForOrigins(origins: AllowedOrigins): RequestHandler {
  return cors({ origin: origins === 'any' ? true : [...origins], credentials: true, maxAge: 600 });
}

/**
 * Refuses WebSocket upgrades from browser pages of other origins (403), which CORS and CSRF
 * prevention do not cover: browsers open cross-origin WebSockets freely, with cookies, and send
 * the page's `Origin`. Clients that are not browsers send no Origin and are let through, as
 * they could forge one anyway. Installed ahead of the WebSocket server's own `upgrade`
 * listener; that one destroys a socket already ended here.
 */
export function refuseForeignWebSocketOrigins(httpServer: Server, origins: AllowedOrigins): void {
  httpServer.prependListener('upgrade', (req, socket) => {
    if (isAllowedOrigin(origins, req.headers.origin)) return;
    socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  });
}
