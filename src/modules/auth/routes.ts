import { Type } from 'typebox';
import type { App } from '../../platform/http/create-server.ts';
import type { AppDeps } from '../../platform/http/app-deps.ts';
import { actorOf, SESSION_COOKIE } from '../../platform/http/authenticate.ts';
import { login } from './login.ts';
import { logout, revokeSessions } from './logout.ts';
import { changePassword } from './change-password.ts';
import { createUser } from './create-user.ts';
import { createApiToken, revokeApiToken } from './api-tokens.ts';
import { listUsers } from './list-users.ts';
import { setUserCustomers } from './user-customers.ts';
import { IdParams } from '../../platform/http/schemas.ts';
import { CreatedUser, LoginAnswer, MeAnswer, OkAnswer, UserList } from './auth-schemas.ts';

const Username = Type.Object({ username: Type.String({ minLength: 1, maxLength: 64 }) });

const Credentials = Type.Object({
  username: Type.String({ minLength: 1, maxLength: 64 }),
  password: Type.String({ minLength: 1, maxLength: 256 }),
});

export function registerAuthRoutes(app: App, { db, config }: AppDeps): void {
  app.post('/api/v1/auth/login', { config: { permission: 'public' }, schema: { tags: ['auth'], body: Credentials, response: { 200: LoginAnswer } } }, async (req, reply) => {
    const r = await login(db, { ...req.body, sessionHours: config.sessionHours, requestId: req.id, client: req.ip });
    void reply.setCookie(SESSION_COOKIE, r.sessionToken, {
      httpOnly: true, sameSite: 'lax', secure: config.secureCookies, path: '/', expires: r.expiresAt,
    });
    return { user: r.user, expiresAt: r.expiresAt.toISOString() };
  });

  app.post('/api/v1/auth/logout', { config: { permission: 'authenticated' }, schema: { tags: ['auth'], response: { 200: OkAnswer } } }, async (req, reply) => {
    if (req.sessionToken) await logout(db, actorOf(req), req.sessionToken, req.id);
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  app.get('/api/v1/auth/me', { config: { permission: 'authenticated' }, schema: { tags: ['auth'], response: { 200: MeAnswer } } }, async (req) => {
    const a = actorOf(req);
    return { userId: a.userId, name: a.name, type: a.type, roles: a.roles, permissions: [...a.permissions].sort(), organisationId: a.organisationId, locale: a.locale };
  });

  app.post('/api/v1/auth/password', {
    config: { permission: 'authenticated' },
    schema: { tags: ['auth'], body: Type.Object({ currentPassword: Type.String({ maxLength: 256 }), newPassword: Type.String({ maxLength: 256 }) }) },
  }, async (req) => {
    await changePassword(db, actorOf(req), { ...req.body, ...(req.sessionToken ? { keepSessionToken: req.sessionToken } : {}) }, req.id);
    return { ok: true };
  });

  app.get('/api/v1/users', { config: { permission: 'users.manage' }, schema: { tags: ['auth'], response: { 200: UserList } } }, async () => ({ items: await listUsers(db) }));

  app.post('/api/v1/users', {
    config: { permission: 'users.manage' },
    schema: {
      tags: ['auth'],
      body: Type.Object({
        username: Type.String({ minLength: 2, maxLength: 64 }),
        displayName: Type.Optional(Type.String({ maxLength: 200 })),
        password: Type.String({ maxLength: 256 }),
        roles: Type.Array(Type.String({ maxLength: 64 }), { minItems: 1, maxItems: 20 }),
        organisationId: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Null()])),
        locale: Type.Optional(Type.Union([Type.Literal('zh-CN'), Type.Literal('en')])),
      }),
      response: { 201: CreatedUser },
    },
  }, async (req, reply) => reply.status(201).send(await createUser(db, actorOf(req), req.body, req.id)));

  app.post('/api/v1/users/:username/tokens', {
    config: { permission: 'users.manage' },
    schema: {
      tags: ['auth'], params: Username,
      body: Type.Object({
        name: Type.Optional(Type.String({ maxLength: 100 })),
        scopes: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { minItems: 1, maxItems: 100, description: 'only these of the user’s permissions (default: all)' })),
      }),
    },
  }, async (req, reply) => {
    const { name, scopes } = req.body;
    return reply.status(201).send(await createApiToken(db, actorOf(req), { username: req.params.username, ...(name ? { name } : {}), ...(scopes ? { scopes } : {}) }, req.id));
  });

  app.put('/api/v1/users/:username/customers', {
    config: { permission: 'users.manage' },
    schema: {
      tags: ['auth'], params: Username,
      body: Type.Object({ customerIds: Type.Array(Type.String({ format: 'uuid' }), { maxItems: 10_000, description: 'the only customers the user may see; empty = all' }) }),
    },
  }, async (req) => setUserCustomers(db, actorOf(req), req.params.username, req.body.customerIds, req.id));

  app.post('/api/v1/users/:username/sessions/revoke', { config: { permission: 'users.manage' }, schema: { tags: ['auth'], params: Username } },
    async (req) => ({ revoked: await revokeSessions(db, actorOf(req), req.params.username, req.id) }));

  app.delete('/api/v1/tokens/:id', { config: { permission: 'users.manage' }, schema: { tags: ['auth'], params: IdParams } }, async (req) => {
    await revokeApiToken(db, actorOf(req), req.params.id, req.id);
    return { ok: true };
  });
}
