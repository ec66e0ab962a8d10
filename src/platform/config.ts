/** Configuration comes from the environment only (DESIGN.md §6). */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  /** A streaming replica for reads that may lag (lists, reports, trace); unset = the primary. */
  readDatabaseUrl: string | undefined;
  /** Named (server-side prepared) statements; DATABASE_PREPARED_STATEMENTS=off behind a pooler that cannot keep them. */
  preparedStatements: boolean;
  dataDir: string;
  adminPassword: string | undefined;
  logLevel: string;
  bodyLimitBytes: number;
  sessionHours: number;
  secureCookies: boolean;
  encryptionKeys: string | undefined;
  encryptionKeyFile: string | undefined;
  /** EDI drop folder `lotline serve` watches (`<dir>/inbox/` → done/, failed/); unset = none. */
  ediDropDir: string | undefined;
  /** How long a worker holds the outbox events it took; a crashed worker's events wait this long. */
  outboxLeaseMs: number;
}

function intFrom(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return n;
}

function onOff(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'on') return true;
  if (raw === 'off') return false;
  throw new Error(`${name} must be on or off, got "${raw}"`);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: intFrom(env, 'PORT', 3000),
    host: env.HOST || '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    readDatabaseUrl: (env.DATABASE_URL && env.DATABASE_READ_URL) || undefined,
    preparedStatements: onOff(env, 'DATABASE_PREPARED_STATEMENTS', true),
    dataDir: env.LOTLINE_DATA_DIR || './data',
    adminPassword: env.LOTLINE_ADMIN_PASSWORD || undefined,
    logLevel: env.LOG_LEVEL || 'info',
    bodyLimitBytes: intFrom(env, 'LOTLINE_BODY_LIMIT', 1024 * 1024),
    sessionHours: intFrom(env, 'LOTLINE_SESSION_HOURS', 12),
    secureCookies: env.LOTLINE_SECURE_COOKIES === '1',
    encryptionKeys: env.LOTLINE_ENCRYPTION_KEYS || undefined,
    encryptionKeyFile: env.LOTLINE_KEY_FILE || undefined,
    ediDropDir: env.LOTLINE_EDI_DROP_DIR || undefined,
    outboxLeaseMs: intFrom(env, 'LOTLINE_OUTBOX_LEASE_MS', 60_000),
  };
}
