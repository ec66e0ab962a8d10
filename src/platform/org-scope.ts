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
}
