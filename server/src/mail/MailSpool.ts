import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import type { OutgoingMail } from './Mailer.ts'

/**
 * Mail not yet delivered, one JSON file per message, so a restart (or a crash) between a request and
 * the delivery does not lose it: the queue resends what it finds here when it starts. Files, not a
 * table: mail belongs to the instance that accepted it, whatever database the records live in.
 */
export class MailSpool {
  constructor(private readonly dir: string) {}

  /** Keeps `mail` until `remove`; resolves with its id. */
  async put(mail: OutgoingMail): Promise<string> {
    await mkdir(this.dir, { recursive: true })
    const id = `${Date.now().toString(36)}-${randomBytes(6).toString('hex')}`
    // Written under a temporary name and renamed, so a crash never leaves half a message to resend.
    const file = join(this.dir, `${id}.json`)
    await writeFile(`${file}.tmp`, JSON.stringify(mail))
    await rename(`${file}.tmp`, file)
    return id
  }

  async remove(id: string): Promise<void> {
    await rm(join(this.dir, `${id}.json`), { force: true })
  }

  /** Every kept message, oldest first; files that do not parse are skipped. */
  async list(): Promise<{ id: string; mail: OutgoingMail }[]> {
    let names: string[]
    try {
      names = (await readdir(this.dir)).filter((n) => n.endsWith('.json')).sort()
    } catch {
      return []
    }
    const kept: { id: string; mail: OutgoingMail }[] = []
    for (const name of names) {
      try {
        const mail = JSON.parse(await readFile(join(this.dir, name), 'utf8')) as OutgoingMail
        if (typeof mail.to === 'string' && typeof mail.subject === 'string')
          kept.push({ id: name.slice(0, -'.json'.length), mail })
      } catch {
        // A file someone edited by hand; leave it for them to look at.
      }
    }
    return kept
  }
}
