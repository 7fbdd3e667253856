import type { PostingRecord } from '../storage/PostingStore.ts'
import type { RecordStore } from '../storage/Storage.ts'

/** Who offers a posting, as the public pages and feeds name it: the team's organization, else the program. */
export async function organizationOf(
  records: RecordStore,
  posting: PostingRecord
): Promise<string> {
  return (
    (await records.getTeam(posting.teamId))?.organization ||
    (await records.getProgram(posting.programId))?.name ||
    ''
  )
}
