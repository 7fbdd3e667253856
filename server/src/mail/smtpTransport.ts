import nodemailer from 'nodemailer'
import type { MailTransport, OutgoingMail } from './Mailer.ts'

/** Sends through the SMTP server at `url` (e.g. `smtp://user:pass@host:587`; `smtps://` for TLS). */
export function smtpTransport(url: string, from: string): MailTransport {
  const transport = nodemailer.createTransport(url, { from })
  return {
    name: 'smtp',
    async deliver(mail: OutgoingMail) {
      await transport.sendMail({
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: { 'X-Specboard-Kind': mail.kind },
        attachments: mail.attachments?.map((a) => ({ ...a })),
      })
    },
    close: () => transport.close(),
  }
}
