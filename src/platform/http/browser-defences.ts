import type { FastifyInstance } from 'fastify';
import { DomainError } from '../errors.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

// The console is served from this server and loads nothing from elsewhere (no CDN, no fonts).
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data: blob:",
  "font-src 'self' data:", "connect-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'",
].join('; ');

/**
 * What a browser needs told. Writes from another site's page are refused (CSRF): the session
 * cookie is SameSite=Lax already, and a browser names the page's origin on every write, so a
 * write whose Origin is not this server, or that the browser marks cross-site, never runs.
 * Programs (curl, EDI partners) send no Origin and are unaffected. Every answer carries the
 * headers that stop sniffing, framing and referrer leaks; HTML gets a strict CSP.
 */
export function installBrowserDefences(app: FastifyInstance, opts: { https: boolean }): void {
  app.addHook('onRequest', async (request) => {
    if (SAFE_METHODS.has(request.method) || !request.url.startsWith('/api/')) return;
    const site = request.headers['sec-fetch-site'];
    const origin = request.headers.origin;
    const crossSite = site !== undefined && site !== 'same-origin' && site !== 'none';
    let foreignOrigin = false;
    if (origin !== undefined) {
      try {
        foreignOrigin = origin === 'null' || new URL(origin).host !== request.headers.host;
      } catch {
        foreignOrigin = true;
      }
    }
    if (crossSite || foreignOrigin) {
      throw new DomainError('CROSS_SITE_REQUEST', 'a write from another site’s page is refused', { details: { origin: origin ?? null, fetchSite: site ?? null } });
    }
  });

  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-content-type-options', 'nosniff');
    void reply.header('referrer-policy', 'no-referrer');
    void reply.header('x-frame-options', 'DENY');
    if (opts.https) void reply.header('strict-transport-security', 'max-age=31536000');
    const type = String(reply.getHeader('content-type') ?? '');
    // The API docs page (swagger-ui) brings its own inline script; it is not the console.
    if (type.startsWith('text/html') && !request.url.startsWith('/api/v1/docs') && !reply.hasHeader('content-security-policy')) {
      void reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    }
  });
}
