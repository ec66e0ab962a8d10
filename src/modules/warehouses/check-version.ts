import { DomainError } from '../../platform/errors.ts';

/** Optimistic concurrency: a change computed from another version than the stored one is refused. */
export function checkVersion(entity: string, code: string, current: number, read: number | undefined): void {
  if (read !== undefined && read !== current) {
    throw new DomainError('CONFLICT', `${entity} ${code} is at version ${current}, not ${read}: read it again`, {
      field: 'version',
      details: { currentVersion: current },
    });
  }
}
