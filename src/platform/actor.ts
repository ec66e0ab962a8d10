/** Who is acting: a signed-in person, an API token of an integration, or the system itself. */
export interface Actor {
  type: 'user' | 'token' | 'system';
  /** user id for users and tokens (a token acts for its user); null for the system */
  userId: string | null;
  tokenId?: string;
  name: string;
  roles: string[];
  permissions: ReadonlySet<string>;
  /** Set for organisation-scoped roles (hospital portal): the only organisation it may see. */
  organisationId: string | null;
  /** Set for a user limited to some customers (a sales territory): the only customers it may see. */
  customerIds?: ReadonlySet<string> | null;
  locale: string;
}

export const systemActor = (name = 'system'): Actor => ({
  type: 'system',
  userId: null,
  name,
  roles: [],
  permissions: new Set(['*']),
  organisationId: null,
  locale: 'en',
});

export const can = (actor: Actor, permission: string): boolean =>
  actor.permissions.has('*') || actor.permissions.has(permission);
