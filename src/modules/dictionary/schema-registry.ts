import type { TObject } from 'typebox';
import { DeviceInput, DevicePatch, PackagingInput } from '../catalog/device-schemas.ts';
import { IMPORT_KIND_LIST } from '../imports/import-kinds.ts';
import { ItemXrefInput, ItemXrefPatch } from '../parties/item-xref-schemas.ts';
import { LicenceInput, LicencePatch } from '../parties/licence-schemas.ts';
import { AddressPatch, CarrierServicePatch, ContactPatch, PartyPatch } from '../parties/party-patch-schemas.ts';
import { AddressInput, CarrierServiceInput, ContactInput, IdentifierInput, PartyInput } from '../parties/party-schemas.ts';
import { ContractPriceInput, ContractUpdate } from '../pricing/contract-schemas.ts';
import { PriceListInput, PriceListLineInput, PriceListLineUpdate, PriceListUpdate } from '../pricing/price-list-schemas.ts';
import { BinInput, BinPatch, WarehouseInput, WarehousePatch, ZoneInput, ZonePatch } from '../warehouses/warehouse-schemas.ts';

/** One way data enters an entity: the schema that checks it, the channels it comes through, and where. */
export interface SchemaUse {
  entity: string;
  schema: TObject;
  /** api and console (the console writes through the API), demo, import:<kind> */
  channels: readonly string[];
  via: string;
}

/** Lists of objects inside an input that are records of another entity. */
export const CHILD_ENTITIES = new Map<TObject, Readonly<Record<string, string>>>([
  [DeviceInput, { packaging: 'device_packaging' }],
  [PartyInput, { addresses: 'party_address', contacts: 'party_contact', identifiers: 'party_identifier', carrierServices: 'carrier_service' }],
  [WarehouseInput, { zones: 'warehouse_zone', bins: 'warehouse_bin' }],
  [PriceListInput, { lines: 'price_list_line' }],
  [ContractPriceInput, { prices: 'contract_price' }],
  [ContractUpdate, { prices: 'contract_price' }],
]);

const API = ['api', 'console'];
const route = (entity: string, schema: TObject, via: string): SchemaUse => ({ entity, schema, channels: API, via });
const demo = (entity: string, schema: TObject): SchemaUse => ({ entity, schema, channels: ['demo'], via: 'lotline seed --demo' });

/** The API routes that write master data, by the body schema each accepts. */
const ROUTES: SchemaUse[] = [
  route('device', DeviceInput, 'POST /api/v1/devices'),
  route('device', DevicePatch, 'PATCH /api/v1/devices/:id'),
  route('device_packaging', PackagingInput, 'POST /api/v1/devices/:id/packaging'),
  route('party', PartyInput, 'POST /api/v1/parties'),
  route('party', PartyPatch, 'PATCH /api/v1/parties/:id'),
  route('party_address', AddressInput, 'POST /api/v1/parties/:id/addresses'),
  route('party_address', AddressPatch, 'PATCH /api/v1/parties/:id/addresses/:addressId'),
  route('party_contact', ContactInput, 'POST /api/v1/parties/:id/contacts'),
  route('party_contact', ContactPatch, 'PATCH /api/v1/parties/:id/contacts/:contactId'),
  route('party_identifier', IdentifierInput, 'POST /api/v1/parties/:id/identifiers'),
  route('carrier_service', CarrierServiceInput, 'POST /api/v1/parties/:id/carrier-services'),
  route('carrier_service', CarrierServicePatch, 'PATCH /api/v1/parties/:id/carrier-services/:serviceId'),
  route('licence', LicenceInput, 'POST /api/v1/parties/:id/licences'),
  route('licence', LicencePatch, 'PATCH /api/v1/parties/:id/licences/:licenceId'),
  route('item_xref', ItemXrefInput, 'POST /api/v1/parties/:id/item-xrefs'),
  route('item_xref', ItemXrefPatch, 'PATCH /api/v1/parties/:id/item-xrefs/:xrefId'),
  route('price_list', PriceListInput, 'POST /api/v1/price-lists'),
  route('price_list', PriceListUpdate, 'PATCH /api/v1/price-lists/:id'),
  route('price_list_line', PriceListLineInput, 'POST /api/v1/price-lists/:id/lines'),
  route('price_list_line', PriceListLineUpdate, 'PATCH /api/v1/price-lists/:id/lines/:lineId'),
  route('contract', ContractPriceInput, 'POST /api/v1/contracts'),
  route('contract', ContractUpdate, 'PATCH /api/v1/contracts/:id'),
  route('warehouse', WarehouseInput, 'POST /api/v1/warehouses'),
  route('warehouse', WarehousePatch, 'PATCH /api/v1/warehouses/:id'),
  route('warehouse_zone', ZoneInput, 'POST /api/v1/warehouses/:id/zones'),
  route('warehouse_zone', ZonePatch, 'PATCH /api/v1/warehouses/:id/zones/:zoneId'),
  route('warehouse_bin', BinInput, 'POST /api/v1/warehouses/:id/bins'),
  route('warehouse_bin', BinPatch, 'PATCH /api/v1/warehouses/:id/bins/:binId'),
];

/** What `lotline seed --demo` writes, through the same inputs. */
const DEMO: SchemaUse[] = [
  demo('device', DeviceInput), demo('party', PartyInput), demo('licence', LicenceInput), demo('warehouse', WarehouseInput),
  demo('price_list', PriceListInput), demo('contract', ContractPriceInput),
];

/** Every import kind, from the import's own registry. */
const IMPORTS: SchemaUse[] = IMPORT_KIND_LIST.map((k) => ({
  entity: k.entity, schema: k.schema, channels: [`import:${k.name}`], via: `lotline import ${k.name} · POST /api/v1/imports/${k.name}`,
}));

/** Every schema that writes master data, whatever the channel: the data dictionary is built from this list. */
export const SCHEMA_USES: readonly SchemaUse[] = [...ROUTES, ...IMPORTS, ...DEMO];
