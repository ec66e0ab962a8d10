import type { SensitiveColumn } from '../../platform/crypto/rotate-keys.ts';

/** Columns of this module holding AES-GCM ciphertexts (personal data, bank details). */
export const BANK_DETAILS: SensitiveColumn = { table: 'parties', idColumn: 'id', column: 'bank_details_enc' };
export const CONTACT_NAME: SensitiveColumn = { table: 'party_contacts', idColumn: 'id', column: 'name_enc' };
export const CONTACT_PHONE: SensitiveColumn = { table: 'party_contacts', idColumn: 'id', column: 'phone_enc' };
export const CONTACT_EMAIL: SensitiveColumn = { table: 'party_contacts', idColumn: 'id', column: 'email_enc' };

export const PARTY_SENSITIVE_COLUMNS: readonly SensitiveColumn[] = [BANK_DETAILS, CONTACT_NAME, CONTACT_PHONE, CONTACT_EMAIL];

/** How a sensitive value appears in the audit trail: that it changed, never what it is. */
export const ENCRYPTED = '[encrypted]';
