/**
 * Who sees the talent pool, and the entry a request names. The pool is shared by every coordinator of
 * this server (see http/pool.ts), so coordinating any program is enough.
 */
import { can } from '@specboard/shared'
import type { Principal } from '../auth/Access.ts'
import { HttpError } from '../errors.ts'
import type { PoolEntryRecord, PostingStore } from '../storage/PostingStore.ts'
import type { RecordStore } from '../storage/Storage.ts'

/** The operations token, or anyone who coordinates some program; 403 otherwise. */
export async function assertPoolAccess(records: RecordStore, principal: Principal): Promise<void> {
  if (principal.isAdmin) return
  const coordinates = (await records.membershipsOfPerson(principal.personId!)).some((m) =>
    can(m.role, 'pool:manage')
  )
  if (!coordinates) throw new HttpError(403, 'forbidden', 'only coordinators see the talent pool')
}

/** The pool entry `entryId`; 404 when there is none. */
export async function poolEntryOf(
  postings: PostingStore,
  entryId: string | undefined
): Promise<PoolEntryRecord> {
  const entry = await postings.pool.get(entryId ?? '')
  if (!entry) throw new HttpError(404, 'pool_entry_not_found', 'no talent-pool entry has this id')
  return entry
}
