import type { Transporter } from 'nodemailer'
import type { OutgoingMail } from './Mailer.ts'

let composer: Promise<Transporter> | null = null

// A transport that only builds the message: the same MIME composer Nodemailer uses for SMTP. Loaded at
// the first mail, so a server that sends none never holds Nodemailer.
function composerOf(): Promise<Transporter> {
  composer ??= import('nodemailer').then(({ default: nodemailer }) =>
    nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'crlf' })
  )
  return composer
}

/** The whole message as RFC 5322 text (what an `.eml` file holds). */
export async function mimeMessage(mail: OutgoingMail, from: string): Promise<Buffer> {
  const info = await (await composerOf()).sendMail({
    from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    headers: { 'X-Specboard-Kind': mail.kind },
    attachments: mail.attachments?.map((a) => ({ ...a })),
  })
  return info.message as Buffer
}
