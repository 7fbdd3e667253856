import type { RecordStore } from '../storage/Storage.ts'
import { hashSecret, newSecret } from '../ids.ts'

/** Issues a new access token for a person; only its hash is kept. */
export function issueAccessToken(records: RecordStore, personId: string): string {
  const token = newSecret()
  records.addAccessToken(hashSecret(token), personId)
  return token
}
