import { createHmac } from 'node:crypto'

/** `sha256=<hex>`: the HMAC-SHA256 of the raw body with the endpoint's secret (as GitHub signs). */
export function signatureOf(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`
}
