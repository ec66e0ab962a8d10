import { Type } from 'typebox';
import { Answer, Nullable, Timestamp } from '../../platform/http/schemas.ts';

/** The answers of the auth routes (routes.ts). */
export const LoginAnswer = Answer(Type.Object({
  user: Type.Object({ id: Type.String(), username: Type.String(), displayName: Type.String() }),
  expiresAt: Timestamp(),
}));

export const OkAnswer = Answer(Type.Object({ ok: Type.Boolean() }));

export const MeAnswer = Answer(Type.Object({
  userId: Nullable(Type.String()),
  name: Type.String(),
  type: Type.Union([Type.Literal('user'), Type.Literal('token'), Type.Literal('system')]),
  roles: Type.Array(Type.String()),
  permissions: Type.Array(Type.String()),
  organisationId: Nullable(Type.String()),
  locale: Type.String({ description: "the user's language, 'zh-CN' or 'en'" }),
}));

export const UserList = Answer(Type.Object({
  items: Type.Array(Type.Object({
    id: Type.String(),
    username: Type.String(),
    displayName: Type.String(),
    roles: Type.Array(Type.String()),
    organisationId: Nullable(Type.String()),
    active: Type.Boolean(),
    lockedUntil: Nullable(Timestamp()),
  })),
}));

export const CreatedUser = Answer(Type.Object({ id: Type.String(), username: Type.String(), roles: Type.Array(Type.String()) }));
