import { dropAbandonedTestDatabases } from '../src/db/test-db.ts';

/** Clears test databases left on the PostgreSQL server by runs that died; templates are built lazily. */
export default async function setup(): Promise<void> {
  await dropAbandonedTestDatabases();
}
