import type { NewUser } from '../modules/auth/create-user.ts';

/** The password of every demo user (never used outside the demo data set). */
export const DEMO_PASSWORD = 'demo-pass-2026';

/** One user per role; the portal users belong to a demo hospital (by party code). */
export const DEMO_USERS: ReadonlyArray<Omit<NewUser, 'organisationId'> & { organisation?: string }> = [
  { username: 'sales1', displayName: '王销售 Wang (sales)', roles: ['sales'], password: DEMO_PASSWORD },
  { username: 'cs1', displayName: '李客服 Li (customer service)', roles: ['customer_service'], password: DEMO_PASSWORD },
  { username: 'wh1', displayName: '张仓管 Zhang (warehouse)', roles: ['warehouse'], password: DEMO_PASSWORD },
  { username: 'qa1', displayName: '赵质量 Zhao (quality)', roles: ['quality'], password: DEMO_PASSWORD },
  { username: 'fin1', displayName: '钱财务 Qian (finance)', roles: ['finance'], password: DEMO_PASSWORD },
  { username: 'plan1', displayName: '孙计划 Sun (planner)', roles: ['planner'], password: DEMO_PASSWORD },
  { username: 'audit1', displayName: '周审计 Zhou (auditor)', roles: ['auditor'], password: DEMO_PASSWORD },
  { username: 'hospital1', displayName: '协和医院采购 (portal)', roles: ['hospital_portal'], password: DEMO_PASSWORD, organisation: 'H-BJ-XH' },
  { username: 'hospital2', displayName: '中山一院采购 (portal)', roles: ['hospital_portal'], password: DEMO_PASSWORD, organisation: 'H-GZ-ZS1' },
];
