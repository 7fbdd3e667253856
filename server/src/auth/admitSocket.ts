import type { IncomingMessage } from 'node:http'
import { randomBytes } from 'node:crypto'
import { CLOSE_CODE, documentAccess, parseDocumentName } from '../../../shared/src/index.ts'
import type { Role } from '../../../shared/src/index.ts'
import type { Admit, Admission } from '../collab/CollabServer.ts'
import type { PitchStore } from '../storage/PitchStore.ts'
import type { RecordStore } from '../storage/Storage.ts'
import { tokenFrom, type Access } from './Access.ts'
import { checkShareToken } from './audienceAccess.ts'

function admitAs(role: Role, kind: Parameters<typeof documentAccess>[1], personId: string, name: string): Admission {
  const level = documentAccess(role, kind)
  if (level === 'none') return { ok: false, code: CLOSE_CODE.forbidden, reason: 'your role may not open this document' }
  return { ok: true, identity: { personId, name, role }, canWrite: level === 'write', sharesPresence: role !== 'audience' }
}

/**
 * Builds the check every collaboration socket passes when it opens: document, then token — an access
 * token (a member) or a share-link token (the audience, read-only) — then role.
 */
export function socketAdmission(access: Access, records: RecordStore, pitch: PitchStore): Admit {
  return (request: IncomingMessage, document: string) => {
    const name = parseDocumentName(document)
    if (!name || !records.getTeam(name.teamId)) {
      return { ok: false, code: CLOSE_CODE.unknownDocument, reason: 'unknown document' }
    }
    const url = new URL(request.url ?? '/', 'http://localhost')
    const token = tokenFrom({
      authorization: request.headers.authorization,
      cookie: request.headers.cookie,
      queryToken: url.searchParams.get('token'),
    })
    const principal = access.authenticate(token)
    if (principal) {
      const role = access.roleInTeam(principal, name.teamId)
      if (!role) return { ok: false, code: CLOSE_CODE.forbidden, reason: 'your role may not open this document' }
      return admitAs(role, name.kind, principal.personId ?? 'admin', principal.name)
    }
    const audience = checkShareToken(pitch, token)
    if (!audience.ok) return { ok: false, code: CLOSE_CODE.unauthorized, reason: 'sign in first' }
    if (!audience.grant.teamIds.includes(name.teamId)) {
      return { ok: false, code: CLOSE_CODE.forbidden, reason: 'this link does not show this team' }
    }
    // Each audience socket is its own anonymous viewer.
    return admitAs('audience', name.kind, `audience:${randomBytes(6).toString('base64url')}`, 'audience')
  }
}
