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
import { installBrowserDefences } from './browser-defences.ts';
import { installReadYourWrites, replicationStatus } from './read-replica.ts';
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
  // Response schemas are the published contract, not a filter: answers go out exactly as the route
  // built them (fast-json-stringify would drop undeclared fields). Tests check answers against them.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  installErrorHandlers(app);
  installBrowserDefences(app, { https: deps.config.secureCookies });
  await app.register(cookie);
  installAuthentication(app, deps.db);
  installReadYourWrites(app, { primary: deps.db, replica: deps.replica }, { https: deps.config.secureCookies });

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
  // `/` and the web console: src/modules/web/routes.ts.
  app.get('/api/v1/system/replication', { config: { permission: 'authenticated' }, schema: { tags: ['system'] } },
    async () => replicationStatus({ primary: deps.db, replica: deps.replica }));
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
