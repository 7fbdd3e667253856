import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type TestSmtpServer, linkIn, startSmtpServer } from '../../../tests/helpers/smtpServer.ts'
import { silentLogger } from '../logger.ts'
import { MailQueue } from './MailQueue.ts'
import { MailSpool } from './MailSpool.ts'
import { coordinatorMail, signInMail } from './accountMail.ts'
import { outboxTransport } from './outboxTransport.ts'
import { smtpTransport } from './smtpTransport.ts'

const FROM = 'Specboard <no-reply@test.localhost>'

describe('MailQueue', () => {
  let smtp: TestSmtpServer
  let dir: string
  beforeEach(async () => {
    smtp = await startSmtpServer()
    dir = mkdtempSync(join(tmpdir(), 'specboard-mail-'))
  })
  afterEach(async () => {
    await smtp.close()
    rmSync(dir, { recursive: true, force: true })
  })

  const queue = (retryDelaysMs: number[] = [10, 10]) =>
    new MailQueue({
      transport: smtpTransport(smtp.url, FROM),
      from: FROM,
      failedDir: join(dir, 'failed'),
      log: silentLogger,
      retryDelaysMs,
    })

  it('returns at once and delivers over SMTP in Japanese, text and HTML', async () => {
    const mailer = queue()
    mailer.send(signInMail('ja', 'hanako@example.jp', 'http://localhost/signin/abc'))
    expect(mailer.status().pending).toBe(1)
    const mail = await smtp.waitFor('hanako@example.jp')
    expect(mail.subject).toBe('Specboard へのサインインリンク')
    expect(mail.text).toContain('有効期限は 15 分です')
    expect(linkIn(mail, '/signin/')).toBe('http://localhost/signin/abc')
    expect(mail.html).toContain('href="http://localhost/signin/abc"')
    await mailer.close()
    expect(mailer.status()).toMatchObject({ transport: 'smtp', pending: 0, sent: 1, failed: 0 })
  })

  it('escapes what users wrote in the HTML part, and writes English when asked', async () => {
    const mailer = queue()
    mailer.send(
      coordinatorMail('en', 'kenji@example.jp', 'http://localhost/signin/x', {
        programName: '<script>alert(1)</script>',
        region: 'A & B',
        inviterName: '"Taro"',
      })
    )
    const mail = await smtp.waitFor('kenji@example.jp')
    expect(mail.subject).toBe('You now coordinate <script>alert(1)</script> on Specboard')
    expect(mail.html).not.toContain('<script>')
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(mail.html).toContain('A &amp; B')
    expect(mail.html).toContain('&quot;Taro&quot;')
    expect(mail.text).toContain('“<script>alert(1)</script>” (A & B)')
    await mailer.close()
  })

  it('retries a failed delivery after a back-off and then delivers', async () => {
    smtp.failNext(2)
    const mailer = queue([20, 20])
    mailer.send(signInMail('en', 'retry@example.jp', 'http://localhost/signin/r'))
    const mail = await smtp.waitFor('retry@example.jp')
    expect(mail.subject).toBe('Your Specboard sign-in link')
    await mailer.idle()
    expect(mailer.status()).toMatchObject({ sent: 1, failed: 0, pending: 0 })
  })

  it('keeps a message it gave up on as an .eml file and reports the failure', async () => {
    smtp.failNext(10)
    const mailer = queue([10])
    mailer.send(signInMail('ja', 'lost@example.jp', 'http://localhost/signin/l'))
    for (let i = 0; i < 100 && mailer.status().failed === 0; i++)
      await new Promise((r) => setTimeout(r, 20))
    const status = mailer.status()
    expect(status.failed).toBe(1)
    expect(status.lastError).toMatch(/try again later/)
    // The .eml is written by the same attempt that counted the failure.
    await mailer.idle()
    const files = readdirSync(join(dir, 'failed'))
    expect(files).toHaveLength(1)
    expect(readFileSync(join(dir, 'failed', files[0]), 'utf8')).toContain('To: lost@example.jp')
    expect(smtp.messages).toHaveLength(0)
    await mailer.close()
  })
})

describe('MailQueue with a spool', () => {
  it('keeps mail not yet delivered across a restart and sends it on the next start', async () => {
    const smtp = await startSmtpServer()
    const dir = mkdtempSync(join(tmpdir(), 'specboard-spool-'))
    const spoolDir = join(dir, 'mail-queue')
    const make = (retryDelaysMs: number[]) =>
      new MailQueue({
        transport: smtpTransport(smtp.url, FROM),
        from: FROM,
        failedDir: join(dir, 'failed'),
        log: silentLogger,
        retryDelaysMs,
        spool: new MailSpool(spoolDir),
      })
    try {
      smtp.failNext(1)
      const first = make([60_000])
      first.send(signInMail('ja', 'later@example.jp', 'http://localhost/signin/later'))
      await first.idle()
      // The first try failed and the retry is a minute away when the server stops.
      expect(first.status()).toMatchObject({ pending: 1, sent: 0, failed: 0 })
      await first.close()
      expect(readdirSync(spoolDir).filter((f) => f.endsWith('.json'))).toHaveLength(1)
      expect(smtp.messages).toHaveLength(0)

      const second = make([10])
      expect(await second.resume()).toBe(1)
      const mail = await smtp.waitFor('later@example.jp')
      expect(linkIn(mail, '/signin/')).toBe('http://localhost/signin/later')
      await second.idle()
      expect(readdirSync(spoolDir).filter((f) => f.endsWith('.json'))).toHaveLength(0)
      await second.close()
    } finally {
      await smtp.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('outboxTransport', () => {
  it('writes each mail as an .eml file and prints its subject and link', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'specboard-outbox-'))
    const printed: string[] = []
    const transport = outboxTransport(join(dir, 'outbox'), FROM, (line) => printed.push(line))
    await transport.deliver(signInMail('ja', 'a@example.jp', 'http://localhost:8787/signin/tok'))
    const files = readdirSync(join(dir, 'outbox'))
    expect(files).toHaveLength(1)
    expect(files[0]).toMatch(/^\d{8}T\d{6}Z-signin-[0-9a-f]{6}\.eml$/)
    const eml = readFileSync(join(dir, 'outbox', files[0]), 'utf8')
    expect(eml).toContain('Content-Type: text/plain; charset=utf-8')
    expect(eml).toContain('Content-Type: text/html; charset=utf-8')
    expect(printed.join('\n')).toContain('Specboard へのサインインリンク')
    expect(printed.join('\n')).toContain('http://localhost:8787/signin/tok')
    rmSync(dir, { recursive: true, force: true })
  })
})
