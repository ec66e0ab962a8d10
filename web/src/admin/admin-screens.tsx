import { lazy, Suspense, type ComponentType } from 'react';
import type { Screen } from '../screen-registry';
import { AdminHome } from './admin-home';
import { DevicesList } from './devices-list';
import { DeviceCreate } from './device-create';
import { DeviceDetailView } from './device-detail';
import { CustomersList } from './customers-list';
import { CustomerDetail } from './customer-detail';
import { PricingView } from './pricing';
import { RulesView } from './rules-view';
import { UsersView } from './users-view';
import { ImportScreen } from './import-screen';

/** The chart screens carry ECharts: loaded when first opened, so the other screens stay light. */
const later = (load: () => Promise<ComponentType>) => {
  const Lazy = lazy(async () => ({ default: await load() }));
  return (
    <Suspense fallback={<p className="muted">…</p>}>
      <Lazy />
    </Suspense>
  );
};

/** Master data, imports, planning and the KPI dashboard (strings in the 'admin' i18n namespace). */
export const ADMIN_SCREENS: Screen[] = [
  {
    path: '/dashboard',
    element: later(() => import('../dashboard/kpi-dashboard').then((m) => m.KpiDashboard)),
    permission: 'kpi.read',
    nav: 'admin:nav.dashboard',
  },
  {
    path: '/planning',
    element: later(() => import('../planning/planning-view').then((m) => m.PlanningView)),
    permission: 'planning.read',
    nav: 'admin:nav.planning',
  },
  { path: '/admin', element: <AdminHome />, permission: 'catalog.read', nav: 'admin:nav.masterData' },
  { path: '/admin/devices', element: <DevicesList />, permission: 'catalog.read' },
  { path: '/admin/devices/new', element: <DeviceCreate />, permission: 'catalog.write' },
  { path: '/admin/devices/:id', element: <DeviceDetailView />, permission: 'catalog.read' },
  { path: '/admin/customers', element: <CustomersList />, permission: 'parties.read' },
  { path: '/admin/customers/:id', element: <CustomerDetail />, permission: 'parties.read' },
  { path: '/admin/pricing', element: <PricingView />, permission: 'pricing.read' },
  { path: '/admin/rules', element: <RulesView />, permission: 'rules.manage' },
  { path: '/admin/users', element: <UsersView />, permission: 'users.manage' },
  { path: '/admin/imports', element: <ImportScreen />, permission: 'import.run' },
];
