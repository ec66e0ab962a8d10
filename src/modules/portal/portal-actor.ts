import type { Actor } from '../../platform/actor.ts';
import { DomainError } from '../../platform/errors.ts';

/**
 * The organisation a portal request acts for. The portal shows one customer's world, so a user
 * of no organisation (staff, even an admin) has no portal: they use the console routes instead.
 */
export function portalOrganisation(actor: Actor): string {
  if (actor.organisationId === null) {
    throw new DomainError('FORBIDDEN', 'the portal is for users of a customer organisation; staff use the order routes');
  }
  return actor.organisationId;
}

/** The portal user and organisation: a cart belongs to one user (an API token acts for its user). */
export function portalUser(actor: Actor): { organisationId: string; userId: string } {
  const organisationId = portalOrganisation(actor);
  if (actor.userId === null) throw new DomainError('FORBIDDEN', 'the portal cart belongs to a user');
  return { organisationId, userId: actor.userId };
}
