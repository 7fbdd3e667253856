/** Job facts and stages in words, the way both languages read them (月額5万円, 2026年12月9日（水）23:59). */
import type { PostingFacts } from '@specboard/shared'
import { formatDate, formatEventDateTime, formatYenShort } from '../i18n/format.ts'
import type { Language } from '../i18n/index.ts'
import { DISPLAY_TIME_ZONE } from '@specboard/shared'
import type { Translate } from '../i18n/translate.ts'

/** 月額5万円, 時給¥1,500, 無償（プロボノ）. */
export function payText(pay: PostingFacts['pay'], t: Translate, language: Language): string {
  if (pay.amount === 0) return t('selection.pay.proBono')
  return t(`selection.pay.${pay.unit}`, { amount: formatYenShort(pay.amount, language) })
}

/** 2027年1月1日〜2027年3月31日 */
export function periodText(
  facts: Pick<PostingFacts, 'periodStart' | 'periodEnd'>,
  language: Language
): string {
  return `${formatDate(facts.periodStart, language, DISPLAY_TIME_ZONE)}${language === 'ja' ? '〜' : ' – '}${formatDate(facts.periodEnd, language, DISPLAY_TIME_ZONE)}`
}

/** A deadline or any posting instant, in Japan time with the weekday. */
export function tokyoDateTime(iso: string, language: Language): string {
  return formatEventDateTime(iso, language, DISPLAY_TIME_ZONE)
}
