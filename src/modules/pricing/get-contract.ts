import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { readTx } from '../../platform/unit-of-work.ts';
import { loadContract, type ContractDetail } from './contract-view.ts';

export const getContract = (db: Database, actor: Actor, id: string): Promise<ContractDetail> =>
  readTx(db, (tx) => loadContract(tx, actor, id));
