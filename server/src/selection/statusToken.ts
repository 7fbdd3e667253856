/**
 * An applicant's private status link. The secret in it is derived from the application's id with the
 * server's key (HMAC-SHA256), so mail sent later can carry the same link; only its hash is stored, as
 * before, and it is looked up the same way.
 */
import { createHmac } from 'node:crypto'
import { newId } from '../ids.ts'

/** A fresh application id and the status-link secret that belongs to it. */
export function newStatusToken(key: Buffer): { applicationId: string; token: string } {
  const applicationId = newId()
  return { applicationId, token: statusTokenOf(key, applicationId) }
}

export function statusTokenOf(key: Buffer, applicationId: string): string {
  return createHmac('sha256', key).update(`application-status:${applicationId}`).digest('base64url')
}

export function statusUrlOf(origin: string, key: Buffer, applicationId: string): string {
  return `${origin}/applications/${statusTokenOf(key, applicationId)}`
}
