import type { paths } from './schema';

/**
 * Typed calls to the Lotline API: paths, path/query parameters, JSON bodies and answers all come
 * from the OpenAPI document (`npm run gen:api`), whose answer schemas the server's tests check
 * every real answer against.
 */
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
export type PathsWith<M extends Method> = {
  [P in keyof paths]: paths[P] extends Record<M, object> ? P : never;
}[keyof paths];
type Op<P extends keyof paths, M extends Method> = paths[P] extends Record<M, infer O> ? O : never;
type PathParams<O> = O extends { parameters: { path: infer X } } ? X : never;
type QueryParams<O> = O extends { parameters: { query?: infer X } } ? X : never;
type JsonBody<O> = O extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;
type Success = 200 | 201;
type JsonAnswer<O> = O extends { responses: infer R }
  ? { [S in keyof R & Success]: R[S] extends { content: { 'application/json': infer J } } ? J : never }[keyof R & Success]
  : never;
type OrUnknown<T> = [T] extends [never] ? unknown : T;

/** The JSON answer of a call, as the route's response schema declares it (unknown where it declares none). */
export type Answer<M extends Method, P extends PathsWith<M>> = OrUnknown<JsonAnswer<Op<P, M>>>;

export interface CallOptions<O> {
  path?: PathParams<O>;
  query?: QueryParams<O>;
  body?: JsonBody<O>;
}

/** The API's error body `{"error":{"code","message","field"}}` as a thrown value. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

let onUnauthenticated: () => void = () => {};
/** Called when the session has ended (401 outside the login call). */
export const setUnauthenticatedHandler = (f: () => void): void => {
  onUnauthenticated = f;
};

export function buildUrl(template: string, path?: unknown, query?: unknown): string {
  const filled = template.replace(/\{(\w+)\}/g, (_, k: string) =>
    encodeURIComponent(String((path as Record<string, unknown>)?.[k] ?? '')),
  );
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries((query ?? {}) as Record<string, unknown>))
    if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  const s = qs.toString();
  return s ? `${filled}?${s}` : filled;
}

async function call<R>(
  method: string,
  template: string,
  o: { path?: unknown; query?: unknown; body?: unknown } = {},
): Promise<R> {
  const res = await fetch(buildUrl(template, o.path, o.query), {
    method,
    credentials: 'same-origin',
    headers: o.body === undefined ? {} : { 'content-type': 'application/json' },
    ...(o.body === undefined ? {} : { body: JSON.stringify(o.body) }),
  });
  const text = await res.text();
  const data = text ? (JSON.parse(text) as unknown) : null;
  if (!res.ok) {
    const e =
      (data as { error?: { code?: string; message?: string; field?: string; details?: unknown } } | null)
        ?.error ?? {};
    // A refused electronic signature (wrong password) is a 401 too, but the session goes on.
    if (
      res.status === 401 &&
      e.code !== 'SIGNATURE_INVALID' &&
      template !== '/api/v1/auth/login' &&
      !template.includes('/decide')
    )
      onUnauthenticated();
    throw new ApiError(
      res.status,
      e.code ?? 'HTTP_' + res.status,
      e.message ?? res.statusText,
      e.field,
      e.details,
    );
  }
  return data as R;
}

export const api = {
  get: <P extends PathsWith<'get'>>(p: P, o?: CallOptions<Op<P, 'get'>>) =>
    call<Answer<'get', P>>('GET', p, o),
  post: <P extends PathsWith<'post'>>(p: P, o?: CallOptions<Op<P, 'post'>>) =>
    call<Answer<'post', P>>('POST', p, o),
  put: <P extends PathsWith<'put'>>(p: P, o?: CallOptions<Op<P, 'put'>>) =>
    call<Answer<'put', P>>('PUT', p, o),
  del: <P extends PathsWith<'delete'>>(p: P, o?: CallOptions<Op<P, 'delete'>>) =>
    call<Answer<'delete', P>>('DELETE', p, o),
};
