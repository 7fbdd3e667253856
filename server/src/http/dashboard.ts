import { Hono } from 'hono'
import { programFigures } from '../publishing/figures.ts'
import type { AppEnv } from './AppEnv.ts'
import { programFor } from './access.ts'

/** GET /api/programs/:programId/figures — the program's dashboard: targets, actuals and chart series. */
export const dashboardRoutes = new Hono<AppEnv>().get('/:programId/figures', (c) => {
  const { program } = programFor(c, c.req.param('programId'), 'figures:read')
  c.header('cache-control', 'no-store')
  return c.json(programFigures(c.var.deps, program))
})
