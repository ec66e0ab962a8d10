import path from 'node:path';
import type { Database } from './types.ts';
import { openPglite } from './pglite-database.ts';
import { openPostgres } from './postgres-database.ts';
import { lockDataDir } from './data-dir-lock.ts';

export interface DatabaseConfig {
  databaseUrl?: string | undefined;
  dataDir: string;
  poolSize?: number;
  preparedStatements?: boolean;
}

/** DATABASE_URL set → PostgreSQL server; unset → embedded PGlite in the data directory (locked). */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl, { max: config.poolSize ?? 10, preparedStatements: config.preparedStatements ?? true });
  const dataDir = path.resolve(config.dataDir);
  const unlock = lockDataDir(dataDir);
  try {
    const db = await openPglite({ dataDir: path.join(dataDir, 'pg') });
    return {
      ...db,
      async close() {
        await db.close();
        unlock();
      },
    };
  } catch (e) {
    unlock();
    throw e;
  }
}
