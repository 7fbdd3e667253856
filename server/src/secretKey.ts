/**
 * The server's secret for links it must be able to rebuild later (an applicant's status link in a mail
 * sent days after they applied). SECRET_KEY when set — every instance of a deployment must share it —
 * else a random key kept in DATA_DIR/secret.key, made on the first start.
 */
import { randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export function loadSecretKey(dataDir: string, fromEnv: string | undefined): Buffer {
  if (fromEnv) return Buffer.from(fromEnv, 'utf8')
  const file = join(dataDir, 'secret.key')
  try {
    return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64url')
  } catch {
    const key = randomBytes(32)
    mkdirSync(dataDir, { recursive: true })
    // 'wx': two processes starting at once never overwrite each other's key.
    try {
      writeFileSync(file, key.toString('base64url'), { mode: 0o600, flag: 'wx' })
      return key
    } catch {
      return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64url')
    }
  }
}
