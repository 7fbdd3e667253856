/**
 * A real SMTP server in the test process (the `smtp-server` package) on a free loopback port; it keeps
 * every message that arrives, so tests read the mail the app really sent.
 */
import { SMTPServer } from 'smtp-server'
import type { AddressInfo } from 'node:net'

export interface ReceivedMail {
  readonly from: string
  readonly to: readonly string[]
  readonly raw: string
  readonly subject: string
  /** The decoded text/plain part. */
  readonly text: string
  /** The decoded text/html part. */
  readonly html: string
}

export interface TestSmtpServer {
  /** `smtp://user:pass@127.0.0.1:<port>` for SMTP_URL. */
  readonly url: string
  readonly messages: ReceivedMail[]
  /** Makes the next `count` deliveries fail with a temporary error (to test retries). */
  failNext(count: number): void
  /** Waits for a message to `to` matching `match`, newest first. */
  waitFor(
    to: string,
    match?: (mail: ReceivedMail) => boolean,
    timeoutMs?: number
  ): Promise<ReceivedMail>
  close(): Promise<void>
}

function decodeBody(body: string, headers: string): string {
  const encoding = /content-transfer-encoding:\s*([\w-]+)/i.exec(headers)?.[1]?.toLowerCase()
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
  if (encoding === 'quoted-printable') {
    const bytes = body
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_, hex: string) =>
        String.fromCharCode(Number.parseInt(hex, 16))
      )
    return Buffer.from(bytes, 'latin1').toString('utf8')
  }
  return body
}

/** The decoded part of `type` (text/plain or text/html) of a MIME message. */
function partOf(raw: string, type: string): string {
  // Split only on the boundaries the message declares: a quoted-printable line of a link may itself
  // start with "--" (base64url tokens hold dashes), and must not be taken for a boundary.
  const boundaries = [...raw.matchAll(/boundary="?([^";\r\n]+)"?/gi)].map((m) => m[1] ?? '')
  const escaped = boundaries.map((b) => b.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  const delimiter = new RegExp(`\\r?\\n--(?:${escaped.join('|')})(?:--)?[ \\t]*(?=\\r?\\n|$)`)
  const parts = boundaries.length > 0 ? raw.split(delimiter) : [raw]
  for (const part of parts) {
    const split = part.search(/\r?\n\r?\n/)
    if (split < 0) continue
    const headers = part.slice(0, split)
    if (!new RegExp(`content-type:\\s*${type}`, 'i').test(headers)) continue
    return decodeBody(part.slice(split).replace(/^\r?\n\r?\n/, ''), headers)
  }
  return ''
}

/** The Subject header, with RFC 2047 encoded words decoded. */
function subjectOf(raw: string): string {
  const head = raw.slice(0, raw.search(/\r?\n\r?\n/))
  const line = /^subject:(.*(?:\r?\n[ \t].*)*)/im.exec(head)?.[1] ?? ''
  return line
    .replace(/\r?\n[ \t]/g, ' ')
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, enc: string, text: string) =>
      enc.toLowerCase() === 'b'
        ? Buffer.from(text, 'base64').toString('utf8')
        : decodeBody(text.replace(/_/g, ' '), 'content-transfer-encoding: quoted-printable')
    )
    .trim()
}

/** Subject and decoded parts of a raw RFC 5322 message (what SMTP carries, what an `.eml` holds). */
export function parseMail(raw: string): { subject: string; text: string; html: string } {
  return {
    subject: subjectOf(raw),
    text: partOf(raw, 'text/plain'),
    html: partOf(raw, 'text/html'),
  }
}

export async function startSmtpServer(): Promise<TestSmtpServer> {
  const messages: ReceivedMail[] = []
  let failures = 0
  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(_auth, _session, callback) {
      callback(null, { user: 'test' })
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        if (failures > 0) {
          failures--
          const error = Object.assign(new Error('try again later'), { responseCode: 451 })
          return callback(error)
        }
        const raw = Buffer.concat(chunks).toString('utf8')
        messages.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          ...parseMail(raw),
        })
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.server.address() as AddressInfo
  return {
    url: `smtp://test:secret@127.0.0.1:${port}`,
    messages,
    failNext(count) {
      failures = count
    },
    async waitFor(to, match = () => true, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs
      for (;;) {
        const found = [...messages].reverse().find((m) => m.to.includes(to) && match(m))
        if (found) return found
        if (Date.now() > deadline) throw new Error(`no mail to ${to} arrived in ${timeoutMs} ms`)
        await new Promise((r) => setTimeout(r, 25))
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** The first link in a mail's text that points at `path` (e.g. `/signin/`). */
export function linkIn(mail: { subject: string; text: string }, path: string): string {
  const match = new RegExp(`https?://\\S+${path}\\S+`).exec(mail.text)
  if (!match) throw new Error(`no ${path} link in mail "${mail.subject}":\n${mail.text}`)
  return match[0]
}
