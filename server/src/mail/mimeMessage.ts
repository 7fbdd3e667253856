import nodemailer from 'nodemailer'
import type { OutgoingMail } from './Mailer.ts'

// A transport that only builds the message: the same MIME composer Nodemailer uses for SMTP.
const composer = nodemailer.createTransport({
  streamTransport: true,
  buffer: true,
  newline: 'crlf',
})

/** The whole message as RFC 5322 text (what an `.eml` file holds). */
export async function mimeMessage(mail: OutgoingMail, from: string): Promise<Buffer> {
  const info = await composer.sendMail({
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
