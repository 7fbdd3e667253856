import type { RecordStore } from './storage/Storage.ts'
import { hashSecret, newSecret } from './ids.ts'

/**
 * While no coordinator exists, makes a fresh single-use setup link (only its hash is stored) and
 * returns it for printing; returns null once setup is done.
 */
export async function openSetupIfNeeded(
  records: RecordStore,
  origin: string
): Promise<string | null> {
  if (await records.hasAdmin()) return null
  const token = newSecret()
  await records.addSetupToken(hashSecret(token))
  return `${origin}/setup/${token}`
}
