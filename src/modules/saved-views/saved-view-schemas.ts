import { Type, type Static } from 'typebox';
import { DateString } from '../../platform/http/schemas.ts';
import { doc } from '../../platform/schema-doc.ts';

const closed = { additionalProperties: false } as const;

/** The console screens that keep saved views (the saved_views.screen CHECK lists the same). */
export const SavedViewScreen = Type.Union([Type.Literal('orders')], doc('the console screen the view belongs to', '所属页面'));
export type SavedViewScreen = Static<typeof SavedViewScreen>;

/**
 * The filters of the order list (web/src/orders/orders-list.tsx FILTERS), each with the rule of
 * the same parameter of GET /api/v1/orders: a saved view always makes a query the list accepts.
 */
export const OrderListFilters = Type.Object({
  status: Type.Optional(Type.String({ minLength: 1, maxLength: 20, ...doc('order status', '订单状态') })),
  customerId: Type.Optional(Type.String({ format: 'uuid', ...doc('customer', '客户') })),
  channel: Type.Optional(Type.String({ minLength: 1, maxLength: 20, ...doc('order channel', '渠道') })),
  from: Type.Optional(DateString(doc('created on or after', '起始日期'))),
  to: Type.Optional(DateString(doc('created on or before', '截止日期'))),
  holdType: Type.Optional(Type.String({ minLength: 1, maxLength: 20, ...doc('type of an open hold', '冻结类型') })),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 100, ...doc('search text', '搜索') })),
}, { ...closed, ...doc('the list filters the view applies', '筛选条件') });
export type OrderListFilters = Static<typeof OrderListFilters>;

const Name = Type.String({ minLength: 1, maxLength: 80, pattern: '\\S', ...doc('name of the view, unique per user and screen', '视图名称') });
const Shared = Type.Boolean({ ...doc('shown to everyone who may open the screen', '共享给所有可访问该页面的用户') });

export const SavedViewInput = Type.Object({
  screen: SavedViewScreen,
  name: Name,
  filters: OrderListFilters,
  shared: Type.Optional(Shared),
}, { ...closed, ...doc('a saved view of a list screen', '保存的视图') });
export type SavedViewInput = Static<typeof SavedViewInput>;

export const SavedViewPatch = Type.Object({
  name: Type.Optional(Name),
  filters: Type.Optional(OrderListFilters),
  shared: Type.Optional(Shared),
}, { ...closed, ...doc('changes to a saved view', '视图修改') });
export type SavedViewPatch = Static<typeof SavedViewPatch>;

export const SavedViewQuery = Type.Object({ screen: SavedViewScreen });
