// What the screens read from the API's answers, by name. Every type here is the answer a route
// declares in its response schema (src/modules/*/…-answer-schemas.ts), as generated into
// schema.d.ts by `npm run gen:api`: none is written by hand, so none can drift from the server.
import type { Answer } from './client';

type Item<T> = T extends { items: (infer I)[] } ? I : never;

export type Me = Answer<'get', '/api/v1/auth/me'>;

export type OrderRow = Item<Answer<'get', '/api/v1/orders'>>;
export type Order = Answer<'get', '/api/v1/orders/{id}'>;
export type OrderLine = Order['lines'][number];
export type OrderHold = Order['holds'][number];
export type HoldRule = NonNullable<OrderHold['origin']['rules']>[number];
export type OrderAlert = Order['alerts'][number];
export type TimelineEntry = Order['timeline'][number];
export type PlacedOrder = Answer<'post', '/api/v1/orders'>;
export type Allocation = Item<Answer<'get', '/api/v1/orders/{id}/allocations'>>;

export type Party = Item<Answer<'get', '/api/v1/parties'>>;
export type Device = Item<Answer<'get', '/api/v1/devices'>>;

export type QuoteLine = Answer<'post', '/api/v1/pricing/quote'>['lines'][number];

export type InboxTask = Item<Answer<'get', '/api/v1/approvals/inbox'>>;
/** A text in both languages. */
export type Bilingual = InboxTask['hold']['reason'];

export type StockRow = Item<Answer<'get', '/api/v1/inventory/stock'>>;
export type NearExpiry = Answer<'get', '/api/v1/inventory/near-expiry'>;
export type Lot = Answer<'get', '/api/v1/inventory/lots/{id}'>;
export type LotDocument = Lot['documents'][number];

export type CatalogueItem = Item<Answer<'get', '/api/v1/portal/catalogue'>>;
export type Cart = Answer<'get', '/api/v1/portal/cart'>;
export type CartLine = Cart['lines'][number];
export type PortalOrderRow = Item<Answer<'get', '/api/v1/portal/orders'>>;
export type PortalOrder = Answer<'get', '/api/v1/portal/orders/{id}'>;

export type PickListSummary = Item<Answer<'get', '/api/v1/pick-lists'>>;
export type PickList = Answer<'get', '/api/v1/pick-lists/{id}'>;
export type PickListLine = PickList['lines'][number];
export type AcceptedScan = Answer<'post', '/api/v1/pick-lists/{id}/scans'>;

export type SavedView = Item<Answer<'get', '/api/v1/saved-views'>>;
