import type { SensitiveColumn } from '../../platform/crypto/rotate-keys.ts';
import { aadFor } from '../../platform/crypto/rotate-keys.ts';

/** The webhook HMAC secrets, AES-GCM encrypted like the parties' personal data. */
export const WEBHOOK_SECRET: SensitiveColumn = { table: 'trigger_actions', idColumn: 'id', column: 'secret_enc' };

export const TRIGGER_SENSITIVE_COLUMNS: readonly SensitiveColumn[] = [WEBHOOK_SECRET];

export const webhookSecretAad = (actionId: string): string => aadFor(WEBHOOK_SECRET, actionId);
