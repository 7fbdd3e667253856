/**
 * Dates and numbers the way readers of each language expect (2026年11月25日 14:05 in Japanese).
 */
import type { Language } from './index.ts'

const LOCALE: Record<Language, string> = { ja: 'ja-JP', en: 'en-GB' }

const dateTimeCache = new Map<string, Intl.DateTimeFormat>()

function dateTimeFormat(language: Language, withTime: boolean): Intl.DateTimeFormat {
  const key = `${language}:${withTime}`
  let format = dateTimeCache.get(key)
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALE[language], {
      year: 'numeric',
      month: language === 'ja' ? 'long' : 'short',
      day: 'numeric',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' as const } : {}),
    })
    dateTimeCache.set(key, format)
  }
  return format
}

/** Formats an ISO timestamp with date and time. */
export function formatDateTime(iso: string, language: Language): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : dateTimeFormat(language, true).format(date)
}

/** Formats an ISO timestamp as a date only. */
export function formatDate(iso: string, language: Language): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : dateTimeFormat(language, false).format(date)
}

/** Formats a 0–100 percentage. */
export function formatPercent(percent: number, language: Language): string {
  return new Intl.NumberFormat(LOCALE[language], { style: 'percent', maximumFractionDigits: 0 }).format(
    percent / 100
  )
}

const eventCache = new Map<Language, Intl.DateTimeFormat>()

/**
 * An event's date and time with its weekday, as programmes print it: 2026年12月5日（土）14:00 in
 * Japanese, Sat 5 Dec 2026, 14:00 in English.
 */
export function formatEventDateTime(iso: string, language: Language): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  let format = eventCache.get(language)
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALE[language], {
      year: 'numeric',
      month: language === 'ja' ? 'numeric' : 'short',
      day: 'numeric',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
    eventCache.set(language, format)
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
