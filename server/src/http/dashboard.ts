import { Hono } from 'hono'
import { programFigures } from '../programs/figures.ts'
import type { AppEnv } from './middleware/AppEnv.ts'
import { programFor } from './middleware/access.ts'

/** GET /api/programs/:programId/figures — the program's dashboard: targets, actuals and chart series. */
export const dashboardRoutes = new Hono<AppEnv>().get('/:programId/figures', async (c) => {
  const { program } = await programFor(c, c.req.param('programId'), 'figures:read')
  c.header('cache-control', 'no-store')
  return c.json(await programFigures(c.var.deps, program))
})
