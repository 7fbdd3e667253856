/** Audience share links as presenters manage them: making one, its state, and its API shape. */
import type { ShareLink } from '@specboard/shared'
import { hashSecret, newSecret } from '../ids.ts'
import type { PitchStore, ShareLinkRecord } from '../storage/PitchStore.ts'

const HOUR_MS = 3600 * 1000

function linkStatus(l: ShareLinkRecord, now: number): ShareLink['status'] {
  if (l.revokedAt) return 'revoked'
  return Date.parse(l.expiresAt) <= now ? 'expired' : 'valid'
}

/** The API shape of a link; the token (and so the URL) only right after making it. */
export function shareLinkView(
  l: ShareLinkRecord,
  token: string | null,
  origin: string,
  now = Date.now()
): ShareLink {
  return {
    id: l.id,
    teamId: l.teamId,
    sessionId: l.sessionId,
    createdAt: l.createdAt,
    expiresAt: l.expiresAt,
    status: linkStatus(l, now),
    token,
    url: token ? `${origin}/watch/${token}` : null,
  }
}

/** What a link shows: one team, or a session's teams. */
export interface ShareTarget {
  readonly programId: string
  readonly teamId: string | null
  readonly sessionId: string | null
}

/** Makes a link to `target` that lasts `expiresInHours`; only its hash is stored. */
export async function createShareLink(
  pitch: PitchStore,
  target: ShareTarget,
  createdBy: string | null,
  expiresInHours: number
): Promise<{ link: ShareLinkRecord; token: string }> {
  const token = newSecret()
  const link = await pitch.createShareLink({
    ...target,
    tokenHash: hashSecret(token),
    createdBy,
    expiresAt: new Date(Date.now() + expiresInHours * HOUR_MS).toISOString(),
  })
  return { link, token }
}
