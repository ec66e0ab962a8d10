import { can, type Actor } from '../../platform/actor.ts';
import { DomainError } from '../../platform/errors.ts';

/**
 * For actions more than one role may take (allocating: the warehouse or sales; filing a lot
 * document: the warehouse or quality): the route declares the read permission, this checks the rest.
 */
export function assertAnyPermission(actor: Actor, permissions: readonly string[]): void {
  if (permissions.some((p) => can(actor, p))) return;
  throw new DomainError('FORBIDDEN', `this needs one of the permissions ${permissions.join(', ')}`, { details: { permissions } });
}
