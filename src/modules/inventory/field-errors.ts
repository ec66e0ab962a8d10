import { DomainError, invalid, isDomainError } from '../../platform/errors.ts';

/** For `.catch`: a record named in a body field that does not exist is bad input on that field. */
export const notFoundAs = (field: string) => (e: unknown): never => {
  throw isDomainError(e) && e.code === 'NOT_FOUND' ? invalid(field, e.message) : e;
};

/** For `.catch`: an error about a record named in a body field names that field (bin checks name `binId`). */
export const inField = (field: string) => (e: unknown): never => {
  if (isDomainError(e) && e.code === 'NOT_FOUND') throw invalid(field, e.message);
  if (isDomainError(e) && e.field !== undefined && e.field !== field) {
    throw new DomainError(e.code, e.message, { field, details: e.details, cause: e });
  }
  throw e;
};
