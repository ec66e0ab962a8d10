import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { isDomainError } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { writeTx, type Work } from '../../platform/unit-of-work.ts';
import { parseEdi, type EdiParseResult } from '../edi/index.ts';
import { localToday } from '../orders/business-day.ts';
import { nextControlNumber } from './control-numbers.ts';
import { describeProblems, type IntakeChannel, type IntakeError, type IntakeOrderResult, type InterchangeResult } from './intake-result.ts';
import { completeInterchange, findInterchangeByKey, insertInterchange, INTERCHANGE_KEY_INDEX, UNKNOWN_PARTNER } from './interchange-store.ts';
import { placeEdiOrder } from './place-edi-order.ts';
import { readInterchangeKey, type InterchangeKey } from './read-interchange-key.ts';
import { partnerResolver, type EdiCustomer } from './resolve-partner.ts';
import { withSavepoint } from './with-savepoint.ts';

export interface ReceiveInterchangeInput {
  text: string;
  via: IntakeChannel;
  fileName?: string;
}

/**
 * The one intake of EDI purchase orders (API, CLI and drop folder): stores the interchange as
 * received, places each order of the accepted sets, and answers with the ack to send back. An
 * interchange already received (same standard, sender and control number) gets its first answer
 * again, `duplicate: true`, and creates nothing (invariant 6) — also when two copies race: the
 * unique index lets one commit and the other reads its answer.
 *
 * Throws EDI_UNKNOWN_STANDARD / EDI_ENVELOPE_INVALID for a file that cannot be acknowledged at
 * all; nothing is stored then. An unknown partner is stored and answered with `error`.
 */
export async function receiveInterchange(
  db: Database, actor: Actor, input: ReceiveInterchangeInput, opts: { requestId?: string | null; now?: Date } = {},
): Promise<InterchangeResult> {
  const key = readInterchangeKey(input.text);
  const earlier = await findInterchangeByKey(db, key);
  if (earlier) return earlier;
  const now = opts.now ?? new Date();
  const ackControlNumber = String(await nextControlNumber(db));
  const parsed = parseEdi(input.text, { ackControlNumber, now });
  try {
    return await writeTx(db, { actor, requestId: opts.requestId ?? null }, (w) =>
      intake(w, { key, parsed, input, ackControlNumber, today: localToday(now) }));
  } catch (e) {
    if ((e as { constraint?: string }).constraint === INTERCHANGE_KEY_INDEX) {
      const winner = await findInterchangeByKey(db, key);
      if (winner) return winner;
    }
    throw e;
  }
}

interface Received {
  key: InterchangeKey;
  parsed: EdiParseResult;
  input: ReceiveInterchangeInput;
  ackControlNumber: string;
  today: string;
}

async function intake(w: Work, r: Received): Promise<InterchangeResult> {
  const id = uuidv7();
  const partners = partnerResolver(w.tx);
  const customers: Array<EdiCustomer | null> = [];
  for (const order of r.parsed.orders) customers.push(await partners.customerOf([order.buyer, r.key.sender]));
  const known = (await partners.customerOf([r.key.sender])) ?? customers.find((c) => c !== null) ?? null;
  const error: IntakeError | null = known ? null : {
    code: UNKNOWN_PARTNER, field: 'sender',
    message: `sender ${r.key.sender.qualifier}:${r.key.sender.id} and the buyers of its orders match no customer's GLN, DUNS or partner id`,
  };
  await insertInterchange(w.tx, {
    id, key: r.key, via: r.input.via, fileName: r.input.fileName ?? null, receivedBy: w.actor.name, text: r.input.text,
    outcome: error ? 'rejected' : r.parsed.outcome, ack: error ? null : r.parsed.ack, ackControlNumber: error ? null : r.ackControlNumber,
    issues: r.parsed.issues, error, customerId: known?.id ?? null,
  });
  const orders: IntakeOrderResult[] = [];
  for (const [i, order] of (error ? [] : r.parsed.orders).entries()) {
    const customer = customers[i];
    if (!customer) {
      orders.push({ poNumber: order.poNumber, error: { code: UNKNOWN_PARTNER, field: 'buyer', message: `the buyer of PO ${order.poNumber} matches no customer` } });
      continue;
    }
    try {
      orders.push(await withSavepoint(w, 'edi_order', (part) =>
        placeEdiOrder(part, order, { interchangeId: id, standard: r.key.standard, customer, partners, today: r.today })));
    } catch (e) {
      if (!isDomainError(e)) throw e;
      orders.push({ poNumber: order.poNumber, error: { code: e.code, message: e.message, ...(e.field ? { field: e.field } : {}) } });
    }
  }
  const result: InterchangeResult = {
    interchangeId: id, duplicate: false, standard: r.key.standard, outcome: error ? 'rejected' : r.parsed.outcome,
    ack: error ? null : r.parsed.ack, orders, issues: r.parsed.issues, ...(error ? { error } : {}),
  };
  if (!error) await completeInterchange(w.tx, id, { orders, errorSummary: describeProblems(result).join('\n') || null });
  w.audit({
    entityType: 'edi_interchange', entityId: id, action: 'received',
    changes: { standard: { new: r.key.standard }, sender: { new: `${r.key.sender.qualifier}:${r.key.sender.id}` },
      controlNumber: { new: r.key.controlNumber }, via: { new: r.input.via }, outcome: { new: result.outcome },
      orders: { new: orders.map((o) => o.number ?? `${o.poNumber}: ${o.error?.code}`) } },
  });
  w.emit({ topic: 'edi.interchange_received', entityType: 'edi_interchange', entityId: id,
    payload: { outcome: result.outcome, orders: orders.flatMap((o) => (o.orderId ? [o.orderId] : [])), ...(error ? { error: error.code } : {}) } });
  return result;
}
