/** The mail people get about their account: sign-in links and coordinator appointments. */
import { SIGNIN_TOKEN_MINUTES } from '@specboard/shared'
import type { OutgoingMail } from './Mailer.ts'
import { type MailLang, renderMail } from './renderMail.ts'

const SIGNATURE = { ja: 'Specboard', en: 'Specboard' } as const

/** The one-time sign-in link (also used to confirm joining with an address that has an account). */
export function signInMail(
  lang: MailLang,
  to: string,
  link: string,
  joining?: { teamName: string; programName: string }
): OutgoingMail {
  const minutes = SIGNIN_TOKEN_MINUTES
  if (lang === 'en')
    return renderMail({
      kind: 'signin',
      to,
      subject: joining
        ? `Confirm joining ${joining.teamName} on Specboard`
        : 'Your Specboard sign-in link',
      paragraphs: [
        joining
          ? `Someone used this address to join “${joining.teamName}” (${joining.programName}). This address already has an account: open the link to add the team to it.`
          : 'Open the link below to sign in to Specboard.',
        `The link works once and expires in ${minutes} minutes.`,
      ],
      action: { label: joining ? 'Confirm and sign in' : 'Sign in', url: link },
      footer: [
        'If you did not ask for this, ignore this mail: nothing happens without the link.',
        SIGNATURE.en,
      ],
    })
  return renderMail({
    kind: 'signin',
    to,
    subject: joining
      ? `「${joining.teamName}」への参加の確認（Specboard）`
      : 'Specboard へのサインインリンク',
    paragraphs: [
      joining
        ? `このメールアドレスで「${joining.teamName}」（${joining.programName}）への参加が申し込まれました。このアドレスのアカウントはすでにあります。下のリンクを開くと、そのアカウントにチームが加わります。`
        : '下のリンクを開くと Specboard にサインインできます。',
      `リンクは一度だけ使えます。有効期限は ${minutes} 分です。`,
    ],
    action: { label: joining ? '確認してサインイン' : 'サインインする', url: link },
    footer: [
      'お心当たりがなければ、このメールは破棄してください。リンクを開かない限り何も起こりません。',
      SIGNATURE.ja,
    ],
  })
}

/** Someone was appointed coordinator of a program; the link signs them in. */
export function coordinatorMail(
  lang: MailLang,
  to: string,
  link: string,
  facts: { programName: string; region: string; inviterName: string }
): OutgoingMail {
  const minutes = SIGNIN_TOKEN_MINUTES
  if (lang === 'en')
    return renderMail({
      kind: 'coordinator',
      to,
      subject: `You now coordinate ${facts.programName} on Specboard`,
      paragraphs: [
        `${facts.inviterName} made you a coordinator of “${facts.programName}” (${facts.region}).`,
        `Open the link to sign in. It works once within ${minutes} minutes; later, ask for a new sign-in link with this address on the sign-in page.`,
      ],
      action: { label: 'Sign in and open the program', url: link },
      footer: [SIGNATURE.en],
    })
  return renderMail({
    kind: 'coordinator',
    to,
    subject: `「${facts.programName}」のコーディネーターに任命されました（Specboard）`,
    paragraphs: [
      `${facts.inviterName} さんが、あなたを「${facts.programName}」（${facts.region}）のコーディネーターに任命しました。`,
      `下のリンクからサインインしてください。リンクは ${minutes} 分以内に一度だけ使えます。期限が切れたら、サインインページでこのアドレスを入力すると新しいリンクが届きます。`,
    ],
    action: { label: 'サインインしてプログラムを開く', url: link },
    footer: [SIGNATURE.ja],
  })
}

/**
 * Someone gave this address (joining a team, or on their account): the link confirms it as their
 * sign-in address. Until then it signs nobody in and finds nobody.
 */
export function confirmAddressMail(
  lang: MailLang,
  to: string,
  link: string,
  facts: { personName: string; teamName: string | null }
): OutgoingMail {
  const minutes = SIGNIN_TOKEN_MINUTES
  if (lang === 'en')
    return renderMail({
      kind: 'confirm-address',
      to,
      subject: 'Confirm your address for Specboard',
      paragraphs: [
        facts.teamName
          ? `“${facts.personName}” gave this address when joining “${facts.teamName}” on Specboard.`
          : `“${facts.personName}” gave this address for their Specboard account.`,
        `Open the link to confirm it: from then on you sign in with it on any device. The link works once within ${minutes} minutes; the account page sends a new one.`,
      ],
      action: { label: 'Confirm my address', url: link },
      footer: [
        'If this was not you, ignore this mail: the address stays unconfirmed and signs nobody in.',
        SIGNATURE.en,
      ],
    })
  return renderMail({
    kind: 'confirm-address',
    to,
    subject: 'メールアドレスの確認（Specboard）',
    paragraphs: [
      facts.teamName
        ? `「${facts.personName}」さんが「${facts.teamName}」に参加するとき、このメールアドレスを入力しました。`
        : `「${facts.personName}」さんが Specboard のアカウントにこのメールアドレスを入力しました。`,
      `下のリンクを開くとアドレスが確認され、以後どの端末でもこのアドレスでサインインできます。リンクは ${minutes} 分以内に一度だけ使えます。期限が切れたら、アカウントページから再送できます。`,
    ],
    action: { label: 'アドレスを確認する', url: link },
    footer: [
      'お心当たりがなければ、このメールは破棄してください。アドレスは未確認のままで、誰のサインインにも使われません。',
      SIGNATURE.ja,
    ],
  })
}
