import type { IncomingMessage } from 'node:http'
import { CLOSE_CODE, documentAccess, parseDocumentName } from '../../../shared/src/index.ts'
import type { Admit } from '../collab/CollabServer.ts'
import type { RecordStore } from '../storage/Storage.ts'
import { tokenFrom, type Access } from './Access.ts'

/** Builds the check every collaboration socket passes when it opens: document, token, role. */
export function socketAdmission(access: Access, records: RecordStore): Admit {
  return (request: IncomingMessage, document: string) => {
    const name = parseDocumentName(document)
    if (!name || !records.getTeam(name.teamId)) {
      return { ok: false, code: CLOSE_CODE.unknownDocument, reason: 'unknown document' }
    }
    const url = new URL(request.url ?? '/', 'http://localhost')
    const principal = access.authenticate(
      tokenFrom({
        authorization: request.headers.authorization,
        cookie: request.headers.cookie,
        queryToken: url.searchParams.get('token'),
      })
    )
    if (!principal) return { ok: false, code: CLOSE_CODE.unauthorized, reason: 'sign in first' }
    const role = access.roleInTeam(principal, name.teamId)
    const level = documentAccess(role, name.kind)
    if (!role || level === 'none') {
      return { ok: false, code: CLOSE_CODE.forbidden, reason: 'your role may not open this document' }
    }
    return {
      ok: true,
      identity: { personId: principal.personId ?? 'admin', name: principal.name, role },
      canWrite: level === 'write',
    }
  }
}
