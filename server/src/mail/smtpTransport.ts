import type { Transporter } from 'nodemailer'
import type { MailTransport, OutgoingMail } from './Mailer.ts'

/**
 * Sends through the SMTP server at `url` (e.g. `smtp://user:pass@host:587`; `smtps://` for TLS).
 * Nodemailer is loaded with the first mail.
 */
export function smtpTransport(url: string, from: string): MailTransport {
  let transport: Promise<Transporter> | null = null
  const transportOf = () => {
    transport ??= import('nodemailer').then(({ default: nodemailer }) =>
      nodemailer.createTransport(url, { from })
    )
    return transport
  }
  return {
    name: 'smtp',
    async deliver(mail: OutgoingMail) {
      await (await transportOf()).sendMail({
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: { 'X-Specboard-Kind': mail.kind },
        attachments: mail.attachments?.map((a) => ({ ...a })),
      })
    },
    close: () => void transport?.then((t) => t.close()),
  }
}
