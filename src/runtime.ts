import type { Database } from './db/types.ts';
import { openDatabase } from './db/open-database.ts';
import { openPostgres } from './db/postgres-database.ts';
import { migrate } from './db/migrate.ts';
import type { Config } from './platform/config.ts';
import type { FieldCrypto } from './platform/crypto/field-crypto.ts';
import { loadFieldCrypto } from './platform/crypto/load-keyring.ts';
import type { SensitiveColumn } from './platform/crypto/rotate-keys.ts';
import type { EventHandler } from './platform/outbox/outbox-worker.ts';
import { PARTY_SENSITIVE_COLUMNS } from './modules/parties/sensitive-columns.ts';
import { ediOrderAckHandler } from './modules/edi-intake/write-order-ack.ts';
import { approvalHandlers } from './modules/approvals/approval-handlers.ts';
import { notificationHandler } from './modules/notifications/notification-handler.ts';
import { triggerActionHandler } from './modules/triggers/run-trigger-action.ts';
import { triggerFanOutHandler } from './modules/triggers/fan-out-triggers.ts';
import { TRIGGER_SENSITIVE_COLUMNS } from './modules/triggers/sensitive-columns.ts';
import { releaseOnOrderChange } from './modules/inventory/release-on-order-change.ts';
import { ediAsnHandler } from './modules/shipping-docs/write-shipment-asn.ts';
import { financeHandlers } from './modules/finance/invoice-handler.ts';
import { planOnOrderChange } from './modules/planning/plan-on-order-change.ts';

export interface Runtime {
  config: Config;
  db: Database;
  /** The read replica (DATABASE_READ_URL), when there is one. */
  replica?: Database;
  crypto: FieldCrypto;
  close(): Promise<void>;
}

/** Every column that holds ciphertext, for key rotation. */
export const SENSITIVE_COLUMNS: readonly SensitiveColumn[] = [...PARTY_SENSITIVE_COLUMNS, ...TRIGGER_SENSITIVE_COLUMNS];

/** Handlers the outbox worker runs; modules add theirs here. */
export const eventHandlers = (rt: Pick<Runtime, 'db' | 'config' | 'crypto'>): EventHandler[] => [
  ediOrderAckHandler, ...approvalHandlers, notificationHandler, triggerFanOutHandler, triggerActionHandler(rt.crypto),
  releaseOnOrderChange, ediAsnHandler, ...financeHandlers,
  planOnOrderChange,
];

export const EMBEDDED_WARNING =
  'embedded database (PGlite): for trials and small single-site use only — it runs without fsync and ' +
  'in one process. Set DATABASE_URL to a PostgreSQL server for production.';

/** Opens the database (embedded or server), applies migrations and loads the field keys. */
export async function openRuntime(
  config: Config,
  log: { warn(msg: string): void } = console,
  opts: { migrate?: boolean } = {},
): Promise<Runtime> {
  if (!config.databaseUrl) log.warn(`warning: ${EMBEDDED_WARNING}`);
  const db = await openDatabase(config);
  try {
    if (opts.migrate !== false) await migrate(db);
    const crypto = loadFieldCrypto(config, (m) => log.warn(`warning: ${m}`));
    if (!config.readDatabaseUrl) return { config, db, crypto, close: () => db.close() };
    const replica = openPostgres(config.readDatabaseUrl, { preparedStatements: config.preparedStatements });
    return { config, db, crypto, replica, close: async () => void (await Promise.all([db.close(), replica.close()])) };
  } catch (e) {
    await db.close();
    throw e;
  }
}
