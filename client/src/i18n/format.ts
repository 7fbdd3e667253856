/**
 * Dates and numbers the way readers of each language expect (2026年11月25日 14:05 in Japanese).
 */
import type { Language } from './index.ts'

const LOCALE: Record<Language, string> = { ja: 'ja-JP', en: 'en-GB' }

const dateTimeCache = new Map<string, Intl.DateTimeFormat>()

function dateTimeFormat(
  language: Language,
  withTime: boolean,
  timeZone?: string
): Intl.DateTimeFormat {
  const key = `${language}:${withTime}:${timeZone ?? ''}`
  let format = dateTimeCache.get(key)
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALE[language], {
      timeZone,
      year: 'numeric',
      month: language === 'ja' ? 'long' : 'short',
      day: 'numeric',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' as const } : {}),
    })
    dateTimeCache.set(key, format)
  }
  return format
}

/** Formats an ISO timestamp with date and time (in `timeZone`, else the browser's). */
export function formatDateTime(iso: string, language: Language, timeZone?: string): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : dateTimeFormat(language, true, timeZone).format(date)
}

/** Formats an ISO timestamp as a date only (in `timeZone`, else the browser's). */
export function formatDate(iso: string, language: Language, timeZone?: string): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : dateTimeFormat(language, false, timeZone).format(date)
}

/** Formats a 0–100 percentage. */
export function formatPercent(percent: number, language: Language): string {
  return new Intl.NumberFormat(LOCALE[language], {
    style: 'percent',
    maximumFractionDigits: 0,
  }).format(percent / 100)
}

const eventCache = new Map<string, Intl.DateTimeFormat>()

/**
 * An event's date and time with its weekday, as programmes print it: 2026年12月5日（土）14:00 in
 * Japanese, Sat 5 Dec 2026, 14:00 in English; in `timeZone`, else the browser's.
 */
export function formatEventDateTime(iso: string, language: Language, timeZone?: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  const key = `${language}:${timeZone ?? ''}`
  let format = eventCache.get(key)
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALE[language], {
      timeZone,
      year: 'numeric',
      month: language === 'ja' ? 'numeric' : 'short',
      day: 'numeric',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
    eventCache.set(key, format)
  }
  const part = Object.fromEntries(format.formatToParts(date).map((p) => [p.type, p.value]))
  return language === 'ja'
    ? `${part.year}年${part.month}月${part.day}日（${part.weekday}）${part.hour}:${part.minute}`
    : `${part.weekday} ${part.day} ${part.month} ${part.year}, ${part.hour}:${part.minute}`
}

/** Formats a count with the language's digit grouping (1,234). */
export function formatCount(count: number, language: Language): string {
  return new Intl.NumberFormat(LOCALE[language]).format(count)
}

/** A time of day, 14:05, in `timeZone`. */
export function formatTime(iso: string, language: Language, timeZone?: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return new Intl.DateTimeFormat(LOCALE[language], {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(date)
}

/** A time span on one day: 2026年11月27日（金）14:00〜14:15, Fri 27 Nov 2026, 14:00–14:15. */
export function formatTimeSpan(
  startIso: string,
  endIso: string,
  language: Language,
  timeZone?: string
): string {
  const dash = language === 'ja' ? '〜' : '–'
  return `${formatEventDateTime(startIso, language, timeZone)}${dash}${formatTime(endIso, language, timeZone)}`
}

/** Yen with digit grouping, as job sites print it: ¥50,000. */
export function formatYen(amount: number, language: Language): string {
  return `¥${formatCount(amount, language)}`
}

/** Yen the short way a Japanese reader says it (5万円); English keeps ¥50,000. */
export function formatYenShort(amount: number, language: Language): string {
  if (language !== 'ja' || amount < 10_000 || amount % 1000 !== 0)
    return formatYen(amount, language)
  return `${new Intl.NumberFormat('ja-JP', { notation: 'compact', maximumFractionDigits: 1 }).format(amount)}円`
}

/** A day with its weekday and no year, for lists within one season: 11月27日（金）, Fri 27 Nov. */
export function formatDay(iso: string, language: Language, timeZone?: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  const format = new Intl.DateTimeFormat(LOCALE[language], {
    timeZone,
    month: language === 'ja' ? 'numeric' : 'short',
    day: 'numeric',
    weekday: 'short',
  })
  const part = Object.fromEntries(format.formatToParts(date).map((p) => [p.type, p.value]))
  return language === 'ja'
    ? `${part.month}月${part.day}日（${part.weekday}）`
    : `${part.weekday} ${part.day} ${part.month}`
}
