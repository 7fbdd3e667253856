/**
 * CSV for spreadsheets: UTF-8 with a byte-order mark (Excel in Japan otherwise reads it as Shift_JIS),
 * CRLF rows, RFC 4180 quoting, and text that a spreadsheet would run as a formula neutralised.
 */

export type CsvCell = string | number | boolean | null | undefined

const BOM = '\uFEFF'

/** One cell: numbers as they are; text starting like a formula gets a leading apostrophe. */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  // = + - @ start formulas; tab and CR do in some spreadsheet imports (OWASP's list).
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return `${BOM + [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`
}
