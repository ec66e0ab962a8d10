import type { Sql } from '../../db/types.ts';
import { uuidv7 } from '../../platform/ids.ts';
import type { PackagingLevel } from '../orders/unit-of-measure.ts';

/** The SQL of the portal cart: its head and its lines. */
export interface CartHead {
  id: string;
  status: 'open' | 'submitted';
  orderId: string | null;
  updatedAt: Date;
}

export interface CartLine {
  lineNo: number;
  deviceId: string;
  level: PackagingLevel;
  /** How many packages of the level. */
  quantity: number;
}

const HEAD = `id, status, order_id AS "orderId", updated_at AS "updatedAt"`;

export async function findOpenCart(tx: Sql, userId: string): Promise<CartHead | null> {
  const { rows } = await tx.query<CartHead>(`SELECT ${HEAD} FROM portal_carts WHERE user_id = $1 AND status = 'open'`, [userId]);
  return rows[0] ?? null;
}

/** The user's open cart, created when there is none, locked until the transaction ends. */
export async function lockOpenCart(tx: Sql, userId: string, organisationId: string): Promise<CartHead> {
  const lockOpen = async () =>
    (await tx.query<CartHead>(`SELECT ${HEAD} FROM portal_carts WHERE user_id = $1 AND status = 'open' FOR UPDATE`, [userId])).rows[0];
  const existing = await lockOpen();
  if (existing) return existing;
  // A concurrent request may create it first: then ours inserts nothing and the next read finds theirs.
  const { rows } = await tx.query<CartHead>(
    `INSERT INTO portal_carts (id, organisation_id, user_id) VALUES ($1, $2, $3)
     ON CONFLICT (user_id) WHERE status = 'open' DO NOTHING RETURNING ${HEAD}`,
    [uuidv7(), organisationId, userId]);
  return rows[0] ?? (await lockOpen())!;
}

/**
 * The cart a submit acts on, locked: the one named, else the user's latest. A submit waiting on
 * the lock of a concurrent submit then sees that cart submitted, and answers with its order.
 */
export async function lockCartToSubmit(tx: Sql, userId: string, cartId: string | undefined): Promise<CartHead | null> {
  const { rows } = await tx.query<CartHead>(
    `SELECT ${HEAD} FROM portal_carts WHERE user_id = $1 AND ($2::uuid IS NULL OR id = $2)
      ORDER BY created_at DESC, id DESC LIMIT 1 FOR UPDATE`,
    [userId, cartId ?? null]);
  return rows[0] ?? null;
}

export async function loadCartLines(tx: Sql, cartId: string): Promise<CartLine[]> {
  const { rows } = await tx.query<CartLine>(
    `SELECT line_no AS "lineNo", device_id AS "deviceId", level, quantity FROM portal_cart_lines WHERE cart_id = $1 ORDER BY line_no`,
    [cartId]);
  return rows;
}

/** Sets a line's quantity (0 removes it); a new line goes last. */
export async function setCartLine(tx: Sql, cartId: string, line: Omit<CartLine, 'lineNo'>): Promise<void> {
  if (line.quantity === 0) {
    await tx.query('DELETE FROM portal_cart_lines WHERE cart_id = $1 AND device_id = $2 AND level = $3', [cartId, line.deviceId, line.level]);
  } else {
    await tx.query(
      `INSERT INTO portal_cart_lines (cart_id, line_no, device_id, level, quantity)
       VALUES ($1, (SELECT coalesce(max(line_no), 0) + 1 FROM portal_cart_lines WHERE cart_id = $1), $2, $3, $4)
       ON CONFLICT (cart_id, device_id, level) DO UPDATE SET quantity = EXCLUDED.quantity`,
      [cartId, line.deviceId, line.level, line.quantity]);
  }
  await tx.query('UPDATE portal_carts SET updated_at = now() WHERE id = $1', [cartId]);
}

/** Adds quantities to the cart, one statement: an existing line of the same device and level grows. */
export async function addCartLines(tx: Sql, cartId: string, lines: ReadonlyArray<Omit<CartLine, 'lineNo'>>): Promise<void> {
  await tx.query(
    `INSERT INTO portal_cart_lines (cart_id, line_no, device_id, level, quantity)
     SELECT $1, (SELECT coalesce(max(line_no), 0) FROM portal_cart_lines WHERE cart_id = $1) + r.n, r."deviceId", r.level, r.quantity
       FROM jsonb_to_recordset($2::jsonb) AS r(n int, "deviceId" uuid, level text, quantity int)
     ON CONFLICT (cart_id, device_id, level) DO UPDATE SET quantity = portal_cart_lines.quantity + EXCLUDED.quantity`,
    [cartId, JSON.stringify(lines.map((l, i) => ({ ...l, n: i + 1 })))]);
  await tx.query('UPDATE portal_carts SET updated_at = now() WHERE id = $1', [cartId]);
}

export async function markSubmitted(tx: Sql, cartId: string, orderId: string): Promise<void> {
  await tx.query(`UPDATE portal_carts SET status = 'submitted', order_id = $2, submitted_at = now(), updated_at = now() WHERE id = $1`, [cartId, orderId]);
}

export async function deleteOpenCart(tx: Sql, userId: string): Promise<string | null> {
  const { rows } = await tx.query<{ id: string }>(`DELETE FROM portal_carts WHERE user_id = $1 AND status = 'open' RETURNING id`, [userId]);
  return rows[0]?.id ?? null;
}
