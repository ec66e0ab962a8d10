import fs from 'node:fs';
import path from 'node:path';
import { DomainError } from '../platform/errors.ts';

/**
 * PGlite has no lock of its own: two processes opening one data directory would corrupt it.
 * A lock file holding our pid keeps the second one out; a lock left by a dead process is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'lotline.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      return () => fs.rmSync(file, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = Number(fs.readFileSync(file, 'utf8').trim());
      if (holder && holder !== process.pid && isAlive(holder)) {
        throw new DomainError(
          'DATA_DIR_LOCKED',
          `the embedded database in ${dataDir} is in use by process ${holder}; stop it first, ` +
            'or set DATABASE_URL to share a PostgreSQL server between processes',
          { details: { pid: holder, dataDir } },
        );
      }
      fs.rmSync(file, { force: true });
    }
  }
  throw new DomainError('DATA_DIR_LOCKED', `could not lock ${dataDir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
