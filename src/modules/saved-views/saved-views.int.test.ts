import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/test-db.ts';
import { systemActor, type Actor } from '../../platform/actor.ts';
import { createFieldCrypto, generateKeyLine, parseKeyring } from '../../platform/crypto/field-crypto.ts';
import { readTx } from '../../platform/unit-of-work.ts';
import { createUser } from '../auth/create-user.ts';
import { actorForUser } from '../auth/load-actor.ts';
import { createParty } from '../parties/create-party.ts';
import { hospitalInput } from '../parties/test-fixtures.ts';
import { createSavedView } from './create-saved-view.ts';
import { deleteSavedView } from './delete-saved-view.ts';
import { listSavedViews } from './list-saved-views.ts';
import { updateSavedView } from './update-saved-view.ts';

let db: TestDatabase;
let seq = 0;

async function userActor(role: string, organisationId?: string): Promise<Actor> {
  const u = await createUser(db, systemActor('test'), {
    username: `sv-${role}-${process.pid}-${++seq}`, password: 'saved-views-pass-1', roles: [role], ...(organisationId ? { organisationId } : {}),
  });
  return (await actorForUser(db, u.id))!;
}

const list = (actor: Actor) => readTx(db, (tx) => listSavedViews(tx, actor, 'orders'));
const names = async (actor: Actor) => (await list(actor)).items.map((v) => v.name);
// Other tests of the file share views too: a user's own views are what a test can count on exactly.
const ownNames = async (actor: Actor) => (await list(actor)).items.filter((v) => v.mine).map((v) => v.name);
const auditOf = async (id: string) =>
  (await db.query<{ action: string; changes: Record<string, unknown> }>(
    "SELECT action, changes FROM audit_log WHERE entity_type = 'saved_view' AND entity_id = $1 ORDER BY seq", [id])).rows;
const rejection = (p: Promise<unknown>) => p.then(() => null, (e: { code?: string; field?: string }) => ({ code: e.code, field: e.field }));

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

describe('createSavedView and listSavedViews', () => {
  it('given a sales user, when they save the filters, then the list shows their view with the trimmed name and an audit record', async () => {
    const sales = await userActor('sales');
    const view = await createSavedView(db, sales, { screen: 'orders', name: '  Credit holds ', filters: { holdType: 'credit', status: 'on_hold' } });
    expect(view).toMatchObject({ screen: 'orders', name: 'Credit holds', filters: { holdType: 'credit', status: 'on_hold' }, shared: false, mine: true });
    expect((await list(sales)).items).toEqual([view]);
    expect(await auditOf(view.id)).toEqual([{ action: 'created', changes: {
      screen: { new: 'orders' }, name: { new: 'Credit holds' }, filters: { new: { holdType: 'credit', status: 'on_hold' } }, shared: { new: false } } }]);
  });

  it('given a name the user already gave a view of the screen, then DUPLICATE on the name; another user may use it', async () => {
    const [a, b] = [await userActor('sales'), await userActor('customer_service')];
    await createSavedView(db, a, { screen: 'orders', name: 'Mine', filters: {} });
    expect(await rejection(createSavedView(db, a, { screen: 'orders', name: ' Mine', filters: { q: 'x' } }))).toEqual({ code: 'DUPLICATE', field: 'name' });
    await createSavedView(db, b, { screen: 'orders', name: 'Mine', filters: {} });
    expect(await ownNames(a)).toEqual(['Mine']);
  });

  it("given views of others, then a user sees their own and the shared ones of their organisation scope, never another's private one", async () => {
    const [owner, colleague] = [await userActor('sales'), await userActor('warehouse')];
    const shared = await createSavedView(db, owner, { screen: 'orders', name: 'Team: drafts', filters: { status: 'draft' }, shared: true });
    await createSavedView(db, owner, { screen: 'orders', name: 'Private', filters: {} });
    const seen = (await list(colleague)).items;
    expect(seen).toContainEqual({ ...shared, mine: false });
    expect(seen.map((v) => v.name)).not.toContain('Private');
    expect(shared.ownerName).toBe((await db.query<{ n: string }>('SELECT display_name AS n FROM users WHERE id = $1', [owner.userId])).rows[0]!.n);

    const hospital = await createParty(db, createFieldCrypto(parseKeyring(generateKeyLine('t'))), systemActor('test'), hospitalInput());
    const [buyer, buyer2] = [await userActor('hospital_portal', hospital.id), await userActor('hospital_portal', hospital.id)];
    expect(await names(buyer)).toEqual([]);
    await createSavedView(db, buyer, { screen: 'orders', name: 'Ward orders', filters: {}, shared: true });
    expect(await names(buyer2)).toEqual(['Ward orders']);
    expect(await names(colleague)).not.toContain('Ward orders');
  });

  it('given an actor that is no user (the system), then FORBIDDEN', async () => {
    expect(await rejection(createSavedView(db, systemActor('job'), { screen: 'orders', name: 'x', filters: {} }))).toEqual({ code: 'FORBIDDEN', field: undefined });
  });
});

describe('updateSavedView', () => {
  it('renames, refilters and shares a view, auditing only the changed fields; the same values write nothing', async () => {
    const sales = await userActor('sales');
    const view = await createSavedView(db, sales, { screen: 'orders', name: 'Old', filters: { channel: 'edi' } });
    const updated = await updateSavedView(db, sales, view.id, { name: 'New', filters: { channel: 'edi', from: '2026-01-01' }, shared: false });
    expect(updated).toMatchObject({ id: view.id, name: 'New', filters: { channel: 'edi', from: '2026-01-01' }, shared: false, mine: true });
    expect(await updateSavedView(db, sales, view.id, { name: 'New', shared: false })).toEqual(updated);
    expect((await auditOf(view.id)).slice(1)).toEqual([{ action: 'updated', changes: {
      name: { old: 'Old', new: 'New' }, filters: { old: { channel: 'edi' }, new: { channel: 'edi', from: '2026-01-01' } } } }]);
  });

  it('refuses a name the user has for another view of the screen, and any change by another user', async () => {
    const [owner, other] = [await userActor('sales'), await userActor('sales')];
    await createSavedView(db, owner, { screen: 'orders', name: 'Taken', filters: {} });
    const view = await createSavedView(db, owner, { screen: 'orders', name: 'Free', filters: {}, shared: true });
    expect(await rejection(updateSavedView(db, owner, view.id, { name: 'Taken' }))).toEqual({ code: 'DUPLICATE', field: 'name' });
    expect(await rejection(updateSavedView(db, other, view.id, { name: 'Mine now' }))).toEqual({ code: 'FORBIDDEN', field: undefined });
    expect((await list(owner)).items.find((v) => v.id === view.id)?.name).toBe('Free');
  });
});

describe('deleteSavedView', () => {
  it("deletes the owner's view with an audit record; another user gets FORBIDDEN for a shared view and NOT_FOUND for a private one", async () => {
    const [owner, other] = [await userActor('customer_service'), await userActor('customer_service')];
    const shared = await createSavedView(db, owner, { screen: 'orders', name: 'Shared', filters: { q: 'PO-1' }, shared: true });
    const own = await createSavedView(db, owner, { screen: 'orders', name: 'Own', filters: {} });
    expect(await rejection(deleteSavedView(db, other, shared.id))).toEqual({ code: 'FORBIDDEN', field: undefined });
    expect(await rejection(deleteSavedView(db, other, own.id))).toEqual({ code: 'NOT_FOUND', field: undefined });
    expect(await ownNames(owner)).toEqual(['Own', 'Shared']);
    expect((await list(other)).items.map((v) => v.id)).toContain(shared.id);

    await deleteSavedView(db, owner, shared.id);
    expect(await ownNames(owner)).toEqual(['Own']);
    expect((await list(other)).items.map((v) => v.id)).not.toContain(shared.id);
    expect((await auditOf(shared.id)).at(-1)).toEqual({ action: 'deleted', changes: {
      screen: { old: 'orders' }, name: { old: 'Shared' }, filters: { old: { q: 'PO-1' } }, shared: { old: true } } });
    expect(await rejection(deleteSavedView(db, owner, shared.id))).toEqual({ code: 'NOT_FOUND', field: undefined });
  });
});
