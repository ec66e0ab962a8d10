import { createHmac } from 'node:crypto';

export const WEBHOOK_TIMEOUT_MS = 10_000;

/** `sha256=<hex HMAC-SHA256 of the raw body>`: the receiver recomputes it with the shared secret. */
export const webhookSignature = (secret: string, rawBody: string): string =>
  `sha256=${createHmac('sha256', secret).update(rawBody, 'utf8').digest('hex')}`;

export interface WebhookDelivery {
  url: string;
  secret: string;
  body: string;
  eventId: number;
  topic: string;
}

/**
 * POSTs an event to a webhook. Anything but a 2xx answer within the timeout throws, so the
 * outbox retries it with backoff and dead-letters it in the end. Redirects are not followed
 * (the signed body goes only where it was configured to). The error names the host, never the
 * full URL, which may carry a token.
 */
export async function sendWebhook(d: WebhookDelivery, timeoutMs = WEBHOOK_TIMEOUT_MS): Promise<{ status: number }> {
  const where = new URL(d.url).origin;
  let res: Response;
  try {
    res = await fetch(d.url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Lotline-Webhook/1',
        'x-lotline-event-id': String(d.eventId),
        'x-lotline-topic': d.topic,
        'x-lotline-signature': webhookSignature(d.secret, d.body),
      },
      body: d.body,
    });
  } catch (e) {
    const timedOut = e instanceof Error && e.name === 'TimeoutError';
    throw new Error(`webhook ${where}: ${timedOut ? `no answer within ${timeoutMs / 1000} s` : (e as Error).message}`, { cause: e });
  }
  await res.body?.cancel();
  if (res.status < 200 || res.status > 299) throw new Error(`webhook ${where}: answered ${res.status}`);
  return { status: res.status };
}
