/** A user away whose approval roles another user holds for now (delegations.ts loads them). */
export interface Delegator {
  userId: string;
  name: string;
  roles: readonly string[];
}

export type Capacity = { onBehalfOf: null } | { onBehalfOf: { userId: string; name: string } };

/**
 * In which capacity someone may decide a task: in their own right (one of the task's roles),
 * for a user who delegated one of those roles to them, or as an administrator (who may release
 * any hold, as in the orders module). Null: they may not.
 */
export function signingCapacity(roles: readonly string[], taskRoles: readonly string[], delegators: readonly Delegator[]): Capacity | null {
  if (roles.some((r) => taskRoles.includes(r))) return { onBehalfOf: null };
  const by = delegators.find((d) => d.roles.some((r) => taskRoles.includes(r)));
  if (by) return { onBehalfOf: { userId: by.userId, name: by.name } };
  if (roles.includes('admin')) return { onBehalfOf: null };
  return null;
}
