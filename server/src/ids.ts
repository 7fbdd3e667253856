import { createHash, randomBytes } from 'node:crypto'

/** A new url-safe identifier (96 random bits). */
export function newId(): string {
  return randomBytes(12).toString('base64url')
}

/** A new secret for tokens and links (256 random bits). */
export function newSecret(): string {
  return randomBytes(32).toString('base64url')
}

/** Secrets are stored only as their SHA-256; they are random, so no salt or slow hash is needed. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex')
}

/** The current time as an ISO string, the format every stored timestamp uses. */
export function nowIso(): string {
  return new Date().toISOString()
}
