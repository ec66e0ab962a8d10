import type { Database } from '../db/types.ts';
import { systemActor } from '../platform/actor.ts';
import type { Runtime } from '../runtime.ts';
import { createParty } from '../modules/parties/create-party.ts';
import { createUser } from '../modules/auth/create-user.ts';
import { DEMO_CUSTOMERS } from './demo-parties.ts';

/** The password of every demo user (never used outside the demo data set). */
export const DEMO_PASSWORD = 'demo-pass-2026';

export async function hasDemoData(db: Database): Promise<boolean> {
  const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM parties WHERE source = 'demo'`);
  return rows[0]!.n > 0;
}

/** A realistic data set for trying Lotline: customers with licences and one user per role. */
export async function seedDemo(rt: Pick<Runtime, 'db' | 'crypto'>): Promise<{ parties: number; users: number }> {
  const actor = systemActor('demo-seed');
  if (await hasDemoData(rt.db)) return { parties: 0, users: 0 };
  const ids = new Map<string, string>();
  for (const c of DEMO_CUSTOMERS) {
    const { id } = await createParty(rt.db, rt.crypto, actor, c, null, { source: 'demo' });
    ids.set(c.code, id);
  }
  const users: Array<[string, string, string, string | null]> = [
    ['sales1', '王销售 Wang (sales)', 'sales', null],
    ['cs1', '李客服 Li (customer service)', 'customer_service', null],
    ['wh1', '张仓管 Zhang (warehouse)', 'warehouse', null],
    ['qa1', '赵质量 Zhao (quality)', 'quality', null],
    ['fin1', '钱财务 Qian (finance)', 'finance', null],
    ['plan1', '孙计划 Sun (planner)', 'planner', null],
    ['audit1', '周审计 Zhou (auditor)', 'auditor', null],
    ['hospital1', '协和医院采购 (portal)', 'hospital_portal', ids.get('H-BJ-XH') ?? null],
  ];
  for (const [username, displayName, role, organisationId] of users) {
    await createUser(rt.db, actor, { username, displayName, password: DEMO_PASSWORD, roles: [role], organisationId });
  }
  return { parties: DEMO_CUSTOMERS.length, users: users.length };
}
