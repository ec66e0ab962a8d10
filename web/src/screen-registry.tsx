import type { ReactElement } from 'react';
import type { Me } from './api/views';
import { OrdersList } from './orders/orders-list';
import { OrderDetail } from './orders/order-detail';
import { OrderCreate } from './orders/order-create';
import { ApprovalsInbox } from './orders/approvals-inbox';
import { StockList } from './inventory/stock-list';
import { NearExpiryView } from './inventory/near-expiry';
import { LotDetail } from './inventory/lot-detail';
import { PortalCatalogue } from './portal/portal-catalogue';
import { PortalCart } from './portal/portal-cart';
import { PortalOrders } from './portal/portal-orders';
import { PortalOrderDetail } from './portal/portal-order-detail';
import { PickLists } from './warehouse/pick-lists';
import { PickScan } from './warehouse/pick-scan';
import { ADMIN_SCREENS } from './admin/admin-screens';
import { ShipmentsList } from './warehouse/shipments-list';
import { PackOrder } from './warehouse/pack-order';
import { PackageReview } from './warehouse/package-review';
import { ShipOrder } from './warehouse/ship-order';
import { ShipmentDetail } from './warehouse/shipment-detail';
import { TraceSearch } from './trace/trace-search';
import { TraceLot } from './trace/trace-lot';
import { TraceOrder } from './trace/trace-order';
import { TraceSerial } from './trace/trace-serial';

/**
 * Every screen of the console and the portal in one list: a new screen is one entry here (its
 * route, the permission that shows it, and its navigation label if it has one).
 */
export interface Screen {
  path: string;
  element: ReactElement;
  /** Who sees it: the permission, and whether it is a portal (hospital) or console screen. */
  permission: string;
  portal?: boolean;
  /** i18n key of the navigation entry; screens without one are reached by links. */
  nav?: string;
  end?: boolean;
}

export const SCREENS: Screen[] = [
  { path: '/orders', element: <OrdersList />, permission: 'orders.read', nav: 'nav.orders', end: true },
  { path: '/orders/new', element: <OrderCreate />, permission: 'orders.write', nav: 'nav.newOrder' },
  { path: '/orders/:id', element: <OrderDetail />, permission: 'orders.read' },
  { path: '/approvals', element: <ApprovalsInbox />, permission: 'approvals.decide', nav: 'nav.approvals' },
  { path: '/inventory', element: <StockList />, permission: 'inventory.read', nav: 'nav.stock', end: true },
  {
    path: '/inventory/near-expiry',
    element: <NearExpiryView />,
    permission: 'inventory.read',
    nav: 'nav.nearExpiry',
  },
  { path: '/inventory/lots/:id', element: <LotDetail />, permission: 'inventory.read' },
  {
    path: '/warehouse/pick',
    element: <PickLists />,
    permission: 'fulfillment.pick',
    nav: 'nav.pick',
    end: true,
  },
  { path: '/warehouse/pick/:id', element: <PickScan />, permission: 'fulfillment.pick' },
  {
    path: '/warehouse/shipments',
    element: <ShipmentsList />,
    permission: 'fulfillment.ship',
    nav: 'nav.shipping',
    end: true,
  },
  { path: '/warehouse/orders/:id/pack', element: <PackOrder />, permission: 'fulfillment.pick' },
  { path: '/warehouse/packages/:id', element: <PackageReview />, permission: 'orders.read' },
  { path: '/warehouse/orders/:id/ship', element: <ShipOrder />, permission: 'fulfillment.ship' },
  { path: '/warehouse/shipments/:id', element: <ShipmentDetail />, permission: 'orders.read' },
  { path: '/trace', element: <TraceSearch />, permission: 'trace.read', nav: 'nav.trace', end: true },
  { path: '/trace/lots/:id', element: <TraceLot />, permission: 'trace.read' },
  { path: '/trace/orders/:id', element: <TraceOrder />, permission: 'trace.read' },
  { path: '/trace/serials', element: <TraceSerial />, permission: 'trace.read' },
  {
    path: '/portal/catalogue',
    element: <PortalCatalogue />,
    permission: 'portal.use',
    portal: true,
    nav: 'nav.catalogue',
  },
  { path: '/portal/cart', element: <PortalCart />, permission: 'portal.use', portal: true, nav: 'nav.cart' },
  {
    path: '/portal/orders',
    element: <PortalOrders />,
    permission: 'portal.use',
    portal: true,
    nav: 'nav.myOrders',
    end: true,
  },
  { path: '/portal/orders/:id', element: <PortalOrderDetail />, permission: 'portal.use', portal: true },
  ...ADMIN_SCREENS,
];

/** A hospital's portal user (one organisation) works in the portal only; everyone else in the console. */
export const isPortalUser = (me: Me): boolean =>
  me.organisationId !== null && me.permissions.includes('portal.use');

export const allowedScreens = (me: Me): Screen[] =>
  SCREENS.filter((s) => me.permissions.includes(s.permission) && !!s.portal === isPortalUser(me));

export const visibleNav = (me: Me): Screen[] => allowedScreens(me).filter((s) => s.nav);

/** Where a user lands after signing in: the first screen of their navigation. */
export const homePath = (me: Me): string => visibleNav(me)[0]?.path ?? '/no-access';
