import type { Context } from 'hono'

/** A CSV download; the date in the name keeps successive exports apart. */
export function csvResponse(c: Context, name: string, csv: string): Response {
  const file = `${name}-${new Date().toISOString().slice(0, 10)}.csv`
  c.header('content-type', 'text/csv; charset=utf-8')
  c.header(
    'content-disposition',
    `attachment; filename="${file.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file)}`
  )
  c.header('cache-control', 'no-store')
  return c.body(csv)
}
