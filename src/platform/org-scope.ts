import type { Actor } from './actor.ts';
import { notFound } from './errors.ts';

/**
 * Record-level scoping for organisation-scoped roles (the hospital portal). Queries pass
 * `orgFilter(actor)` as a parameter and add `($n::uuid IS NULL OR <org column> = $n)`; single
 * records go through `assertVisible`. Another organisation's record is reported as not found,
 * never as forbidden, so its existence is not revealed.
 */
export const orgFilter = (actor: Actor): string | null => actor.organisationId;

export function assertVisible(actor: Actor, recordOrganisationId: string | null, entity: string, id: string): void {
  if (actor.organisationId !== null && actor.organisationId !== recordOrganisationId) throw notFound(entity, id);
  // A record of a customer outside a sales user's territory is not found either. Records that
  // belong to no customer (null) stay visible to staff.
  if (actor.customerIds && recordOrganisationId !== null && !actor.customerIds.has(recordOrganisationId)) throw notFound(entity, id);
}

/**
 * The customers a territory-limited user may see, for list queries:
 * `($n::uuid[] IS NULL OR <customer column> = ANY($n))`. Null = no limit.
 */
export const customerFilter = (actor: Actor): string[] | null => (actor.customerIds ? [...actor.customerIds] : null);

/**
 * Whether the actor sees only some customers' records (a portal organisation or a territory):
 * answers gathered across customers (a lot's consignees, a KPI) say so, so a reader does not
 * take a part for the whole.
 */
export const isCustomerRestricted = (actor: Actor): boolean => actor.organisationId !== null || customerFilter(actor) !== null;
