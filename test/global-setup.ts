import { prepareTestTemplate } from '../src/db/test-db.ts';

/** Migrates the template database once; every test file then copies it (src/db/test-db.ts). */
export default async function setup(): Promise<void> {
  await prepareTestTemplate();
}
