import Fastify, { type FastifyBaseLogger, type FastifyInstance, type RawServerDefault } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { uuidv7 } from '../ids.ts';
import type { AppDeps } from './app-deps.ts';
import { installErrorHandlers } from './error-handler.ts';
import { installAuthentication } from './authenticate.ts';
import { validatorCompiler } from './validators.ts';

/** The Fastify instance with TypeBox inference: a route's schema types its request. */
export type App = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, TypeBoxTypeProvider>;

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * The HTTP shell: request ids, structured logs (secrets redacted), body limits, the error
 * format, authentication and the OpenAPI document. Routes are added by `registerRoutes`.
 */
export async function createServer(
  deps: AppDeps,
  registerRoutes: (app: App, deps: AppDeps) => void | Promise<void>,
  opts: { logger?: boolean } = {},
): Promise<App> {
  const app = Fastify({
    logger:
      opts.logger === false
        ? false
        : {
            level: deps.config.logLevel,
            redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
          },
    bodyLimit: deps.config.bodyLimitBytes,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : uuidv7();
    },
    return503OnClosing: true,
    forceCloseConnections: 'idle',
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  installErrorHandlers(app);
  await app.register(cookie);
  installAuthentication(app, deps.db);

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Lotline API',
        version: '1',
        description: 'Order management for medical-device makers and distributors. Errors: {"error":{"code","message","field"}}.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'lotline_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/v1/docs' });

  app.get('/api/v1/openapi.json', { config: { permission: 'public' }, schema: { hide: true } }, async () => app.swagger());
  // Until the web console lands (its own issue), `/` says where things are instead of a 404.
  app.get('/', { schema: { hide: true } }, async (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(
      '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>Lotline</title>' +
        '<h1>Lotline</h1><p>API 正在运行 · The API is running.</p>' +
        '<ul><li><a href="/api/v1/docs">API 文档 · API documentation</a></li>' +
        '<li><a href="/api/v1/openapi.json">OpenAPI</a></li><li><a href="/readyz">/readyz</a></li></ul>' +
        '<p>网页控制台尚未提供 · The web console is not built yet.</p></html>',
    ),
  );
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    try {
      await deps.db.query('SELECT 1');
      return { status: 'ready', database: deps.db.kind };
    } catch {
      return reply.status(503).send({ error: { code: 'DATABASE_UNAVAILABLE', message: 'the database is unavailable' } });
    }
  });

  await registerRoutes(app, deps);
  return app;
}
