import type { OutgoingMail } from './Mailer.ts'
import { escapeHtml } from '../publishing/renderSheetHtml.ts'

/** The languages mail is written in; Japanese first, as the UI. */
export type MailLang = 'ja' | 'en'

/** A plain message: paragraphs of text (anything users wrote may be in them) and at most one button. */
export interface MailContent {
  readonly kind: string
  readonly to: string
  readonly subject: string
  readonly paragraphs: readonly string[]
  readonly action?: { readonly label: string; readonly url: string }
  /** Small print under the button (why you got this, what to do if it was not you). */
  readonly footer?: readonly string[]
}

const paragraphHtml = (text: string, style: string) =>
  `<p style="${style}">${escapeHtml(text).replace(/\n/g, '<br>')}</p>`

/**
 * Renders `content` as the plain-text and HTML parts of one message. Every piece of text is escaped in
 * the HTML: paragraphs carry names and program titles that users typed.
 */
export function renderMail(content: MailContent): OutgoingMail {
  const { action, footer = [] } = content
  const text = [
    ...content.paragraphs,
    ...(action ? [`${action.label}:\n${action.url}`] : []),
    ...(footer.length ? ['--', ...footer] : []),
  ].join('\n\n')
  const body = [
    ...content.paragraphs.map((p) => paragraphHtml(p, 'margin:0 0 16px')),
    action
      ? `<p style="margin:24px 0"><a href="${escapeHtml(action.url)}" style="display:inline-block;padding:12px 20px;background:#1d4ed8;color:#fff;border-radius:6px;text-decoration:none">${escapeHtml(action.label)}</a></p>` +
        paragraphHtml(action.url, 'margin:0 0 16px;font-size:13px;color:#555;word-break:break-all')
      : '',
    ...footer.map((p) => paragraphHtml(p, 'margin:0 0 8px;font-size:12px;color:#666')),
  ].join('\n')
  const html = `<!doctype html>
<html><head><meta charset="utf-8"><title>${escapeHtml(content.subject)}</title></head>
<body style="margin:0;padding:24px;font-family:-apple-system,'Hiragino Sans','Noto Sans JP',sans-serif;font-size:15px;line-height:1.7;color:#1f2328">
<div style="max-width:560px;margin:0 auto">
${body}
</div></body></html>`
  return {
    kind: content.kind,
    to: content.to,
    subject: content.subject,
    text,
    html,
    link: action?.url,
  }
}
