import type { IncomingMessage } from 'node:http'
import { randomBytes } from 'node:crypto'
import { CLOSE_CODE, documentAccess, parseDocumentName } from '@specboard/shared'
import type { Admit, Admission } from '../collab/CollabServer.ts'
import type { ConnectionIdentity } from '../collab/Connection.ts'
import type { PitchStore } from '../storage/PitchStore.ts'
import type { RecordStore } from '../storage/Storage.ts'
import { tokenFrom, type Access } from './Access.ts'
import { checkShareToken } from './audienceAccess.ts'
import type { AppOrigin } from '../http/middleware/AppOrigin.ts'
import { requestAddress } from '../http/middleware/clientAddress.ts'
import type { Limiter } from '../ports/Limiter.ts'

function admitAs(
  kind: Parameters<typeof documentAccess>[1],
  identity: ConnectionIdentity
): Admission {
  const level = documentAccess(identity.role, kind)
  if (level === 'none')
    return { ok: false, code: CLOSE_CODE.forbidden, reason: 'your role may not open this document' }
  return {
    ok: true,
    identity,
    canWrite: level === 'write',
    sharesPresence: identity.role !== 'audience',
  }
}

/**
 * Builds the check every collaboration socket passes when it opens: document, then token — an access
 * token (a member) or a share-link token (the audience, read-only) — then role.
 */
export function socketAdmission(
  access: Access,
  records: RecordStore,
  pitch: PitchStore,
  origin: AppOrigin,
  /** Failed token lookups per client address (proxy rule: `proxyHops`); a valid token costs nothing. */
  failedTokens: { readonly limiter: Limiter; readonly proxyHops: number }
): Admit {
  return async (request: IncomingMessage, document: string) => {
    // A page of another site could otherwise open the sheet with the visitor's cookie.
    const pageOrigin = request.headers.origin
    if (pageOrigin !== undefined && !origin.allows(pageOrigin))
      return {
        ok: false,
        code: CLOSE_CODE.forbidden,
        reason: 'connections from other sites are refused',
      }
    const name = parseDocumentName(document)
    if (!name || !(await records.getTeam(name.teamId))) {
      return { ok: false, code: CLOSE_CODE.unknownDocument, reason: 'unknown document' }
    }
    const url = new URL(request.url ?? '/', 'http://localhost')
    const token = tokenFrom({
      authorization: request.headers.authorization,
      cookie: request.headers.cookie,
      queryToken: url.searchParams.get('token'),
    })
    const principal = await access.authenticate(token)
    if (principal) {
      const role = await access.roleInTeam(principal, name.teamId)
      if (!role)
        return {
          ok: false,
          code: CLOSE_CODE.forbidden,
          reason: 'your role may not open this document',
        }
      return admitAs(name.kind, {
        personId: principal.personId ?? 'admin',
        name: principal.name,
        role,
      })
    }
    const audience = await checkShareToken(pitch, token)
    if (!audience.ok) {
      if (
        token &&
        !(await failedTokens.limiter.take(requestAddress(request, failedTokens.proxyHops)))
      )
        return { ok: false, code: CLOSE_CODE.rateLimited, reason: 'too many unknown links' }
      return { ok: false, code: CLOSE_CODE.unauthorized, reason: 'sign in first' }
    }
    if (!audience.grant.teamIds.includes(name.teamId)) {
      return { ok: false, code: CLOSE_CODE.forbidden, reason: 'this link does not show this team' }
    }
    // Each audience socket is its own anonymous viewer.
    const { link } = audience.grant
    return admitAs(name.kind, {
      personId: `audience:${randomBytes(6).toString('base64url')}`,
      name: 'audience',
      role: 'audience',
      shareLinkId: audience.grant.link.id,
      audience: {
        key: link.sessionId ? `session:${link.sessionId}` : `team:${link.teamId}`,
        programId: link.programId,
      },
    })
  }
}
