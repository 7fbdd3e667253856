import type { PitchSessionRecord, PitchStore, ShareLinkRecord } from '../storage/PitchStore.ts'
import { hashSecret } from '../ids.ts'

/** Failed share-link lookups per client address, over HTTP and at the audience socket's admission. */
export const FAILED_LINKS = { perSecond: 0.5, burst: 20 } as const

/** What a valid share link lets its holder watch. */
export interface AudienceGrant {
  readonly link: ShareLinkRecord
  readonly session: PitchSessionRecord | null
  readonly teamIds: readonly string[]
}

export type AudienceCheck =
  | { readonly ok: true; readonly grant: AudienceGrant }
  | { readonly ok: false; readonly reason: 'unknown' | 'expired' | 'revoked' }

/** Resolves a share-link token: unknown, revoked or expired links grant nothing. */
export async function checkShareToken(
  pitch: PitchStore,
  token: string | undefined,
  now = Date.now()
): Promise<AudienceCheck> {
  const link =
    token && token.length <= 200 ? await pitch.shareLinkByTokenHash(hashSecret(token)) : undefined
  if (!link) return { ok: false, reason: 'unknown' }
  if (link.revokedAt) return { ok: false, reason: 'revoked' }
  if (Date.parse(link.expiresAt) <= now) return { ok: false, reason: 'expired' }
  const session = link.sessionId ? ((await pitch.getSession(link.sessionId)) ?? null) : null
  const teamIds = link.teamId ? [link.teamId] : (session?.teamIds ?? [])
  return { ok: true, grant: { link, session, teamIds } }
}
