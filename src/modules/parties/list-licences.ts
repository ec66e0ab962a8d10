import type { Database, Sql } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { notFound } from '../../platform/errors.ts';
import { readTx } from '../../platform/unit-of-work.ts';
import { findVisibleParty } from './party-access.ts';
import { LICENCE_COLUMNS, type LicenceView } from './licence-view.ts';

/** One licence of the party (another party's licence id is "not found"). */
export async function loadLicence(tx: Sql, partyId: string, licenceId: string, opts: { forUpdate?: boolean } = {}): Promise<LicenceView> {
  const { rows } = await tx.query<LicenceView>(
    `SELECT ${LICENCE_COLUMNS} FROM licences l WHERE l.id = $1 AND l.party_id = $2${opts.forUpdate ? ' FOR UPDATE' : ''}`,
    [licenceId, partyId],
  );
  if (!rows[0]) throw notFound('licence', licenceId);
  return rows[0];
}

export async function listLicences(tx: Sql, partyId: string): Promise<LicenceView[]> {
  const { rows } = await tx.query<LicenceView>(
    `SELECT ${LICENCE_COLUMNS} FROM licences l WHERE l.party_id = $1 ORDER BY l.licence_type, l.valid_to NULLS LAST, l.number`,
    [partyId],
  );
  return rows;
}

export const getPartyLicences = (db: Database, actor: Actor, partyId: string): Promise<LicenceView[]> =>
  readTx(db, async (tx) => {
    await findVisibleParty(tx, actor, partyId);
    return listLicences(tx, partyId);
  });

export const getPartyLicence = (db: Database, actor: Actor, partyId: string, licenceId: string): Promise<LicenceView> =>
  readTx(db, async (tx) => {
    await findVisibleParty(tx, actor, partyId);
    return loadLicence(tx, partyId, licenceId);
  });
