import { DomainError, invalid } from '../../platform/errors.ts';
import { diffFields } from '../../platform/audit/audit-record.ts';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.ts';
import { aadFor } from '../../platform/crypto/rotate-keys.ts';
import { uuidv7 } from '../../platform/ids.ts';
import type { Work } from '../../platform/unit-of-work.ts';
import { rejected, summarise, type BatchResult, type RowOutcome } from './batch-outcome.ts';
import { createdChanges } from './create-party.ts';
import { loadExistingChildren, planChildren, type ChildrenPlan, type ExistingChildren } from './party-children-plan.ts';
import { mergePartyRecord, newPartyRecord, PARTY_RECORD_SELECT, writePartyRows, type PartyRow, type Provenance } from './party-record.ts';
import { checkPartyChildRules, checkPartyFieldRules } from './party-rules.ts';
import type { PartyInput } from './party-schemas.ts';
import { BANK_DETAILS, ENCRYPTED } from './sensitive-columns.ts';
import { identifiersOwnedElsewhere, insertContacts, insertIdentifiers, upsertAddresses, upsertCarrierServices } from './write-party-children.ts';

interface Planned {
  row: number;
  input: PartyInput;
  party: PartyRow;
  isNew: boolean;
  /** The party's own fields (or bank details) change, not only its children. */
  ownChanged: boolean;
  changes: Record<string, unknown>;
  children: ChildrenPlan;
}

/**
 * Creates or updates parties by code, for the bulk import: a fixed handful of statements per batch
 * whatever its size. Fields and children a row leaves out keep their value. A row breaking a rule
 * is rejected (its outcome says why) and the others are written; to make a batch all-or-nothing,
 * throw when `rejected > 0` and the caller's transaction rolls back.
 */
export async function upsertParties(w: Work, crypto: FieldCrypto, rows: readonly PartyInput[], provenance: Provenance): Promise<BatchResult> {
  const outcomes: RowOutcome[] = [];
  const seen = new Set<string>();
  const candidates = rows.flatMap((input, row) => {
    try {
      if (seen.has(input.code)) throw invalid('code', `party code ${input.code} appears twice in the batch`);
      seen.add(input.code);
      checkPartyChildRules(input);
      return [{ row, input }];
    } catch (e) {
      outcomes.push(rejected(row, input.code, e));
      return [];
    }
  });

  const { rows: existing } = await w.tx.query<PartyRow>(
    `SELECT p.id, p.code, p.kind, p.bank_details_enc AS "bankDetailsEnc", ${PARTY_RECORD_SELECT}
       FROM parties p WHERE p.code = ANY($1::text[]) ORDER BY p.code FOR UPDATE`,
    [candidates.map((c) => c.input.code)],
  );
  const byCode = new Map(existing.map((p) => [p.code, p]));
  const children = await loadExistingChildren(w.tx, crypto, existing.map((p) => p.id));
  const planned = candidates.flatMap(({ row, input }) => {
    try {
      return [plan(row, input, byCode.get(input.code) ?? null, crypto, children)];
    } catch (e) {
      outcomes.push(rejected(row, input.code, e));
      return [];
    }
  });
  const accepted = await refuseTakenIdentifiers(w, planned, outcomes);
  await write(w, crypto, accepted.filter((p) => p.isNew || Object.keys(p.changes).length), provenance);

  for (const p of accepted) {
    const action = p.isNew ? 'created' : Object.keys(p.changes).length ? 'updated' : 'unchanged';
    outcomes.push({ row: p.row, key: p.input.code, id: p.party.id, action });
    if (action === 'unchanged') continue;
    w.audit({ entityType: 'party', entityId: p.party.id, action, changes: p.isNew ? createdChanges(p.input) : p.changes });
    w.emit({ topic: `party.${action}`, entityType: 'party', entityId: p.party.id, payload: { code: p.input.code, kind: p.input.kind } });
  }
  return summarise(outcomes);
}

function plan(row: number, input: PartyInput, before: PartyRow | null, crypto: FieldCrypto, children: Map<string, ExistingChildren>): Planned {
  if (before && before.kind !== input.kind) throw invalid('kind', `party ${input.code} is a ${before.kind}; a row cannot make it a ${input.kind}`);
  const id = before?.id ?? uuidv7();
  const record = before ? mergePartyRecord(before, input) : newPartyRecord(input);
  checkPartyFieldRules({ kind: input.kind, ...record });
  const changes: Record<string, unknown> = {};
  if (before) {
    const { id: _i, code: _c, kind: _k, bankDetailsEnc: _b, ...beforeRecord } = before;
    Object.assign(changes, diffFields(beforeRecord, { ...record }));
  }
  let bankDetailsEnc = before?.bankDetailsEnc ?? null;
  if (input.bankDetails !== undefined) {
    const old = bankDetailsEnc && crypto.decrypt(bankDetailsEnc, aadFor(BANK_DETAILS, id));
    if (old !== input.bankDetails) {
      bankDetailsEnc = crypto.encrypt(input.bankDetails, aadFor(BANK_DETAILS, id));
      changes.bankDetails = { old: old === null ? null : ENCRYPTED, new: ENCRYPTED };
    }
  }
  const ownChanged = Object.keys(changes).length > 0;
  const childPlan = planChildren(id, input, children.get(id));
  return {
    row, input, isNew: !before, ownChanged, children: childPlan,
    party: { ...record, id, code: input.code, kind: input.kind, bankDetailsEnc },
    changes: { ...changes, ...childPlan.changes },
  };
}

/** An identifier may name one party only: rows claiming one held by another party (or row) are rejected. */
async function refuseTakenIdentifiers(w: Work, planned: Planned[], outcomes: RowOutcome[]): Promise<Planned[]> {
  const clashes = new Map<number, string>();
  const claimedBy = new Map<string, number>();
  for (const p of planned) {
    for (const i of p.input.identifiers ?? []) {
      const first = claimedBy.get(`${i.scheme}:${i.value}`);
      if (first === undefined) claimedBy.set(`${i.scheme}:${i.value}`, p.row);
      else clashes.set(p.row, `${i.scheme} ${i.value} is also claimed by row ${first}`);
    }
  }
  const taken = await identifiersOwnedElsewhere(w.tx, planned.flatMap((p) => (p.input.identifiers ?? []).map((i) => ({ ...i, partyId: p.party.id }))));
  for (const t of taken) {
    const p = planned.find((x) => x.party.id === t.partyId)!;
    clashes.set(p.row, `${t.scheme} ${t.value} already identifies party ${t.ownerCode}`);
  }
  return planned.filter((p) => {
    const clash = clashes.get(p.row);
    if (clash) outcomes.push(rejected(p.row, p.input.code, new DomainError('DUPLICATE', clash, { field: 'identifiers' })));
    return !clash;
  });
}

async function write(w: Work, crypto: FieldCrypto, changed: Planned[], provenance: Provenance): Promise<void> {
  const ownRows = changed.filter((p) => p.isNew || p.ownChanged);
  const ids = await writePartyRows(w.tx, ownRows.map((p) => p.party), provenance, w.actor.name);
  // A code inserted by a concurrent import between our read and our write keeps its own id.
  const raced = ownRows.find((p) => ids.get(p.party.code) !== p.party.id);
  if (raced) throw new DomainError('CONFLICT', `party ${raced.party.code} was created concurrently; run the import again`);
  const touched = changed.filter((p) => !p.isNew && !p.ownChanged).map((p) => p.party.id);
  if (touched.length) await w.tx.query('UPDATE parties SET updated_at = now(), updated_by = $2 WHERE id = ANY($1::uuid[])', [touched, w.actor.name]);
  const withContacts = changed.filter((p) => p.children.contacts !== null);
  if (withContacts.length) await w.tx.query('DELETE FROM party_contacts WHERE party_id = ANY($1::uuid[])', [withContacts.map((p) => p.party.id)]);
  await upsertAddresses(w.tx, changed.flatMap((p) => p.children.addresses));
  await insertContacts(w.tx, crypto, withContacts.flatMap((p) => p.children.contacts ?? []));
  await insertIdentifiers(w.tx, changed.flatMap((p) => p.children.identifiers));
  await upsertCarrierServices(w.tx, changed.flatMap((p) => p.children.services));
}
