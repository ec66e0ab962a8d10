import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { App } from '../../platform/http/create-server.ts';
import { DomainError } from '../../platform/errors.ts';

/** Where `npm run build:web` puts the console (web/vite.config.ts). */
export const WEB_DIST = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

// Without a build (a fresh clone before `npm run build:web`, or the test suite) `/` still says where things are.
const PLACEHOLDER =
  '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>Lotline</title>' +
  '<h1>Lotline</h1><p>API 正在运行 · The API is running.</p>' +
  '<ul><li><a href="/api/v1/docs">API 文档 · API documentation</a></li>' +
  '<li><a href="/api/v1/openapi.json">OpenAPI</a></li><li><a href="/readyz">/readyz</a></li></ul>' +
  '<p>网页控制台尚未构建（npm run build:web）· The web console is not built yet (npm run build:web).</p></html>';

/** A file inside the build directory, or null (never a path that climbs out of it). */
function builtFile(dist: string, urlPath: string): string | null {
  let file: string;
  try {
    file = path.resolve(dist, `.${decodeURIComponent(urlPath)}`);
  } catch {
    return null; // a malformed %-escape names no file
  }
  if (!file.startsWith(dist)) return null;
  return fs.statSync(file, { throwIfNoEntry: false })?.isFile() ? file : null;
}

/**
 * The web console and portal at `/` (DESIGN.md §6): built files as they are, and `index.html`
 * for every other path outside /api so the browser router can draw client routes.
 */
export function registerWebRoutes(app: App, dist = WEB_DIST): void {
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const urlPath = request.url.split('?')[0]!;
    if (urlPath.startsWith('/api/')) throw new DomainError('ROUTE_NOT_FOUND', `no route GET ${urlPath}`);
    const index = builtFile(dist, '/index.html');
    if (!index) {
      if (urlPath === '/') return reply.type('text/html; charset=utf-8').send(PLACEHOLDER);
      throw new DomainError('ROUTE_NOT_FOUND', `no route GET ${urlPath}`);
    }
    const asset = urlPath.startsWith('/assets/');
    const file = (urlPath !== '/' && builtFile(dist, urlPath)) || (asset ? null : index);
    if (!file) throw new DomainError('NOT_FOUND', `no file ${urlPath}`);
    const hashed = file !== index && asset;
    void reply.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    return reply
      .type(TYPES[path.extname(file)] ?? 'application/octet-stream')
      .send(fs.createReadStream(file));
  });
}
