import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import type { MailTransport, OutgoingMail } from './Mailer.ts'
import { mimeMessage } from './mimeMessage.ts'

/** A file name that sorts by time and says what the mail is: `20261207T031500Z-signin-ab12cd.eml`. */
export function emlName(kind: string, at = new Date()): string {
  const stamp = at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')
  const safeKind = kind.replace(/[^a-z0-9-]/gi, '').slice(0, 30) || 'mail'
  return `${stamp}-${safeKind}-${randomBytes(3).toString('hex')}.eml`
}

/**
 * The embedded default when no SMTP_URL is set: each message becomes an `.eml` file in `dir` (any mail
 * program opens it) and its subject and link are printed, so whoever runs the server can pass it on.
 */
export function outboxTransport(
  dir: string,
  from: string,
  print: (line: string) => void = (line) => process.stdout.write(`${line}\n`)
): MailTransport {
  return {
    name: 'outbox',
    async deliver(mail: OutgoingMail) {
      await mkdir(dir, { recursive: true })
      const file = join(dir, emlName(mail.kind))
      await writeFile(file, await mimeMessage(mail, from))
      const link = mail.link ? `\n  ${mail.link}` : ''
      print(`[mail to ${mail.to}] ${mail.subject}${link}\n  (${file})`)
    },
    close() {},
  }
}
