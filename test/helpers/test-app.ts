import { createTestDatabase, type TestDatabase } from '../../src/db/test-db.ts';
import { buildApp } from '../../src/app.ts';
import { loadConfig, type Config } from '../../src/platform/config.ts';
import { createFieldCrypto, generateKeyLine, parseKeyring, type FieldCrypto } from '../../src/platform/crypto/field-crypto.ts';
import { systemActor } from '../../src/platform/actor.ts';
import { createUser } from '../../src/modules/auth/create-user.ts';
import type { App } from '../../src/platform/http/create-server.ts';
import { installResponseContractCheck } from '../../src/platform/http/response-contract.ts';

export const TEST_PASSWORD = 'test-pass-12345';


export interface TestApp {
  url: string;
  db: TestDatabase;
  app: App;
  crypto: FieldCrypto;
  /** The key line behind `crypto` (`test1:<base64>`), for key-rotation tests. */
  keyLine: string;
  config: Config;
  /** Creates a user with the given role(s) and returns a signed-in HTTP client for it. */
  userClient(role: string | string[], opts?: { organisationId?: string; username?: string }): Promise<HttpClient>;
  anonymous(): HttpClient;
  close(): Promise<void>;
}

export interface HttpResult<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export interface HttpClient {
  username: string;
  userId: string | null;
  request<T = any>(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<HttpResult<T>>;
  get<T = any>(path: string): Promise<HttpResult<T>>;
  post<T = any>(path: string, body?: unknown, headers?: Record<string, string>): Promise<HttpResult<T>>;
}

export function httpClient(baseUrl: string, cookie: string | null, username = 'anonymous', userId: string | null = null): HttpClient {
  const request = async <T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(cookie ? { cookie } : {}),
        ...headers,
      },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON: keep the text */
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  };
  return {
    username,
    userId,
    request,
    get: (path) => request('GET', path),
    post: (path, body, headers) => request('POST', path, body, headers),
  };
}

export async function loginCookie(baseUrl: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login of ${username} failed: ${res.status} ${await res.text()}`);
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

let userSeq = 0;

/** A real server on a random port over a fresh database (see src/db/test-db.ts). */
export async function startTestApp(): Promise<TestApp> {
  const db = await createTestDatabase();
  const config: Config = { ...loadConfig({}), port: 0, logLevel: 'silent' };
  const keyLine = generateKeyLine('test1');
  const crypto = createFieldCrypto(parseKeyring(keyLine));
  const app = await buildApp({ db, config, crypto }, { logger: false });
  // Every answer of a route with a response schema must match it, or the request fails with a 500
  // (and closing the app fails too, for a browser test whose screen only showed the error).
  const contractBreaches = installResponseContractCheck(app);
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url: address,
    db,
    app,
    crypto,
    keyLine,
    config,
    async userClient(role, opts = {}) {
      const roles = Array.isArray(role) ? role : [role];
      const username = opts.username ?? `${roles[0]}-${++userSeq}`;
      const u = await createUser(db, systemActor('test'), {
        username,
        password: TEST_PASSWORD,
        roles,
        ...(opts.organisationId ? { organisationId: opts.organisationId } : {}),
      });
      return httpClient(address, await loginCookie(address, username, TEST_PASSWORD), username, u.id);
    },
    anonymous: () => httpClient(address, null),
    async close() {
      await app.close();
      await db.close();
      if (contractBreaches.length) throw new Error(`answers broke their response schemas:\n${contractBreaches.join('\n')}`);
    },
  };
}
