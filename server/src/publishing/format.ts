/**
 * How the public pages, calendar files and CSV exports write dates, money and job facts: Japanese, in
 * Asia/Tokyo, e.g. 2026年11月25日, 11月25日(水) 14:00〜14:15, ¥50,000.
 */
import { DISPLAY_TIME_ZONE, tokyoInstant } from '@specboard/shared'
import type { PayUnit, PostingFacts } from '@specboard/shared'

/**
 * Made at first use: a formatter loads its locale's and the time zone's ICU data (several MiB resident),
 * which a server that renders no public page never needs.
 */
function whenUsed<T>(make: () => T): () => T {
  let made: T | undefined
  return () => {
    made ??= make()
    return made
  }
}

/** A date/time format in Japan time, made at first use. */
const inJapan = (locale: string, options: Intl.DateTimeFormatOptions) =>
  whenUsed(() => new Intl.DateTimeFormat(locale, { timeZone: DISPLAY_TIME_ZONE, ...options }))

const dateFormat = inJapan('ja-JP', { year: 'numeric', month: 'long', day: 'numeric' })
const dayFormat = inJapan('ja-JP', { month: 'long', day: 'numeric', weekday: 'short' })
const timeFormat = inJapan('ja-JP', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
const numberFormat = whenUsed(() => new Intl.NumberFormat('ja-JP'))
const dateFormatEn = inJapan('en-GB', { year: 'numeric', month: 'short', day: 'numeric' })
const dayFormatEn = inJapan('en-GB', { weekday: 'short', month: 'short', day: 'numeric' })

/** The public pages' languages (see pages/publicLang.ts). */
type Lang = 'ja' | 'en'

/** 2026年11月25日 (en: 25 Nov 2026) */
export function formatDate(value: string, lang: Lang = 'ja'): string {
  return (lang === 'en' ? dateFormatEn : dateFormat)().format(tokyoInstant(value))
}

/** 11月25日(水) (en: Wed 25 Nov) */
export function formatDay(value: string, lang: Lang = 'ja'): string {
  return (lang === 'en' ? dayFormatEn : dayFormat)().format(tokyoInstant(value))
}

/** 14:00 */
export function formatTime(value: string): string {
  return timeFormat().format(tokyoInstant(value))
}

/** 2026年11月25日 23:59 (en: 25 Nov 2026 23:59 JST) */
export function formatDateTime(value: string, lang: Lang = 'ja'): string {
  return lang === 'en'
    ? `${formatDate(value, lang)} ${formatTime(value)} JST`
    : `${formatDate(value)} ${formatTime(value)}`
}

/** 11月25日(水) 14:00〜14:15 (en: Wed 25 Nov 14:00–14:15 JST) */
export function formatSlot(startsAt: string, endsAt: string, lang: Lang = 'ja'): string {
  return lang === 'en'
    ? `${formatDay(startsAt, lang)} ${formatTime(startsAt)}–${formatTime(endsAt)} JST`
    : `${formatDay(startsAt)} ${formatTime(startsAt)}〜${formatTime(endsAt)}`
}

/** ¥50,000 */
export function formatYen(amount: number): string {
  return `¥${numberFormat().format(amount)}`
}

const PAY_PREFIX: Record<PayUnit, string> = { month: '月額', hour: '時給', total: '総額' }

const PAY_SUFFIX_EN: Record<PayUnit, string> = {
  month: 'a month',
  hour: 'an hour',
  total: 'in total',
}

/** 月額 ¥50,000, or 無償（プロボノ） for zero (en: ¥50,000 a month, Pro bono (unpaid)). */
export function payText(pay: PostingFacts['pay'], lang: Lang = 'ja'): string {
  if (lang === 'en')
    return pay.amount === 0
      ? 'Pro bono (unpaid)'
      : `${formatYen(pay.amount)} ${PAY_SUFFIX_EN[pay.unit]}`
  return pay.amount === 0 ? '無償（プロボノ）' : `${PAY_PREFIX[pay.unit]} ${formatYen(pay.amount)}`
}

/** 2026年11月1日〜2027年1月31日 */
export function periodText(
  facts: Pick<PostingFacts, 'periodStart' | 'periodEnd'>,
  lang: Lang = 'ja'
): string {
  return lang === 'en'
    ? `${formatDate(facts.periodStart, lang)} – ${formatDate(facts.periodEnd, lang)}`
    : `${formatDate(facts.periodStart)}〜${formatDate(facts.periodEnd)}`
}

/** 長野県塩尻市 */
export function placeText(facts: Pick<PostingFacts, 'region' | 'municipality'>): string {
  return facts.municipality
    ? `${facts.region}${facts.municipality.startsWith(facts.region) ? facts.municipality.slice(facts.region.length) : facts.municipality}`
    : facts.region
}

/**
 * How long until a deadline, in the unit a person would say: minutes in the last hour, hours on the
 * last day, whole days before that (rounded down, so "1日" always means at least a day).
 */
export function timeLeftText(ms: number, lang: Lang = 'ja'): string {
  const minutes = Math.max(1, Math.ceil(ms / 60_000))
  const hours = Math.floor(minutes / 60)
  const days = Math.floor(hours / 24)
  if (lang === 'en') {
    if (minutes < 60) return `${minutes} min`
    if (hours < 24) return `${hours} ${hours === 1 ? 'hour' : 'hours'}`
    return `${days} ${days === 1 ? 'day' : 'days'}`
  }
  if (minutes < 60) return `あと${minutes}分`
  if (hours < 24) return `あと${hours}時間`
  return `あと${days}日`
}
