import { Type } from 'typebox';
import type { App } from '../../platform/http/create-server.ts';
import type { AppDeps } from '../../platform/http/app-deps.ts';
import { actorOf } from '../../platform/http/authenticate.ts';
import { IdParams } from '../../platform/http/schemas.ts';
import { AddressInput, CarrierServiceInput, ContactInput, IdentifierInput, IdentifierScheme } from './party-schemas.ts';
import { AddressPatch, CarrierServicePatch, ContactPatch } from './party-patch-schemas.ts';
import { doc } from '../../platform/schema-doc.ts';
import { addAddress, removeAddress, updateAddress } from './party-addresses.ts';
import { addContact, removeContact, updateContact } from './party-contacts.ts';
import { addIdentifier, removeIdentifier, updateIdentifier } from './party-identifiers.ts';
import { addCarrierService, listCarrierServices, removeCarrierService, updateCarrierService } from './carrier-services.ts';

const write = { permission: 'parties.write' } as const;
const tags = ['parties'];
const uuid = Type.String({ format: 'uuid' });
const AddressParams = Type.Object({ id: uuid, addressId: uuid });
const ContactParams = Type.Object({ id: uuid, contactId: uuid });
const ServiceParams = Type.Object({ id: uuid, serviceId: uuid });
const IdentifierParams = Type.Object({ id: uuid, scheme: IdentifierScheme, value: Type.String({ minLength: 1, maxLength: 64 }) });
const IdentifierValue = Type.Object({ value: IdentifierInput.properties.value }, doc('the new value of the identifier', '新标识值'));

/** Addresses, contacts, identifiers and carrier services of a party. */
export function registerPartyChildRoutes(app: App, { db, crypto }: AppDeps): void {
  app.post('/api/v1/parties/:id/addresses', { config: write, schema: { tags, params: IdParams, body: AddressInput } },
    async (req, reply) => reply.status(201).send(await addAddress(db, actorOf(req), req.params.id, req.body, req.id)));
  app.patch('/api/v1/parties/:id/addresses/:addressId', { config: write, schema: { tags, params: AddressParams, body: AddressPatch } },
    async (req) => updateAddress(db, actorOf(req), req.params.id, req.params.addressId, req.body, req.id));
  app.delete('/api/v1/parties/:id/addresses/:addressId', { config: write, schema: { tags, params: AddressParams } },
    async (req, reply) => reply.status(204).send(await removeAddress(db, actorOf(req), req.params.id, req.params.addressId, req.id)));

  app.post('/api/v1/parties/:id/contacts', { config: write, schema: { tags, params: IdParams, body: ContactInput } },
    async (req, reply) => reply.status(201).send(await addContact(db, crypto, actorOf(req), req.params.id, req.body, req.id)));
  app.patch('/api/v1/parties/:id/contacts/:contactId', { config: write, schema: { tags, params: ContactParams, body: ContactPatch } },
    async (req) => updateContact(db, crypto, actorOf(req), req.params.id, req.params.contactId, req.body, req.id));
  app.delete('/api/v1/parties/:id/contacts/:contactId', { config: write, schema: { tags, params: ContactParams } },
    async (req, reply) => reply.status(204).send(await removeContact(db, actorOf(req), req.params.id, req.params.contactId, req.id)));

  app.post('/api/v1/parties/:id/identifiers', { config: write, schema: { tags, params: IdParams, body: IdentifierInput } },
    async (req, reply) => reply.status(201).send(await addIdentifier(db, actorOf(req), req.params.id, req.body, req.id)));
  app.patch('/api/v1/parties/:id/identifiers/:scheme/:value', { config: write, schema: { tags, params: IdentifierParams, body: IdentifierValue } },
    async (req) => updateIdentifier(db, actorOf(req), req.params.id, { scheme: req.params.scheme, value: req.params.value }, req.body.value, req.id));
  app.delete('/api/v1/parties/:id/identifiers/:scheme/:value', { config: write, schema: { tags, params: IdentifierParams } },
    async (req, reply) => reply.status(204).send(await removeIdentifier(db, actorOf(req), req.params.id, { scheme: req.params.scheme, value: req.params.value }, req.id)));

  app.get('/api/v1/parties/:id/carrier-services', { config: { permission: 'parties.read' }, schema: { tags, params: IdParams } },
    async (req) => ({ items: await listCarrierServices(db, actorOf(req), req.params.id) }));
  app.post('/api/v1/parties/:id/carrier-services', { config: write, schema: { tags, params: IdParams, body: CarrierServiceInput } },
    async (req, reply) => reply.status(201).send(await addCarrierService(db, actorOf(req), req.params.id, req.body, req.id)));
  app.patch('/api/v1/parties/:id/carrier-services/:serviceId', { config: write, schema: { tags, params: ServiceParams, body: CarrierServicePatch } },
    async (req) => updateCarrierService(db, actorOf(req), req.params.id, req.params.serviceId, req.body, req.id));
  app.delete('/api/v1/parties/:id/carrier-services/:serviceId', { config: write, schema: { tags, params: ServiceParams } },
    async (req, reply) => reply.status(204).send(await removeCarrierService(db, actorOf(req), req.params.id, req.params.serviceId, req.id)));
}
