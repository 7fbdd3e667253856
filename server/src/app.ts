import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { secureHeaders } from 'hono/secure-headers'
import { serveStatic } from '@hono/node-server/serve-static'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { HttpError } from './errors.ts'
import type { AppDeps, AppEnv } from './http/middleware/AppEnv.ts'
import { resolvePrincipal } from './http/middleware/auth.ts'
import { requireSameOrigin } from './http/middleware/sameOrigin.ts'
import { limitFailedTokens } from './http/middleware/failedTokens.ts'
import { programRoutes } from './http/programs.ts'
import { teamRoutes } from './http/teams.ts'
import { inviteRoutes, teamInviteRoutes } from './http/invites.ts'
import { sessionRoutes } from './http/session.ts'
import { authRoutes } from './http/auth.ts'
import { programAdminRoutes } from './http/programAdmin.ts'
import { memberRoutes } from './http/members.ts'
import { threadRoutes } from './http/threads.ts'
import { programMemberRoutes, programRoundRoutes, teamRoundRoutes } from './http/rounds.ts'
import {
  programPitchRoutes,
  sessionRoutes as pitchSessionRoutes,
  shareLinkRoutes,
  teamStageRoutes,
} from './http/pitch.ts'
import { audienceRoutes } from './http/audience.ts'
import { postingRoutes, programPostingRoutes, teamPostingRoutes } from './http/postings.ts'
import {
  applicationRoutes,
  interviewRoutes,
  postingSelectionRoutes,
  programSelectionRoutes,
} from './http/selection.ts'
import { poolRoutes } from './http/pool.ts'
import { webhookRoutes } from './http/webhooks.ts'
import { retentionRoutes } from './http/retention.ts'
import { digestRoutes } from './http/digest.ts'
import { dashboardRoutes } from './http/dashboard.ts'
import { publicPostingRoutes } from './http/publicPostings.ts'
import { publicApplicationRoutes } from './http/publicApplications.ts'
import { publicPoolRenewalRoutes } from './http/publicPoolRenewal.ts'

const MAX_BODY_BYTES = 256 * 1024

/** The HTTP side of the server: JSON API under /api, then the built client with an SPA fallback. */
export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>()
  app.use('*', secureHeaders({ crossOriginOpenerPolicy: false }))
  app.use('*', async (c, next) => {
    c.set('deps', deps)
    await next()
  })
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new HttpError(413, 'body_too_large', `the body is over ${MAX_BODY_BYTES / 1024} KiB`)
      },
    }),
    requireSameOrigin,
    resolvePrincipal,
    // About one wrong token every two seconds per address, after a few typos' worth.
    limitFailedTokens(deps.limiters('failed-tokens', { perSecond: 0.5, burst: 20 }))
  )
  app.get('/api/health', (c) => {
    const { pending, failed } = deps.mailer.status()
    return c.json({ ok: true as const, mail: { pending, failed } })
  })
  // Built when asked for: most servers are never asked.
  app.get('/api/openapi.json', async (c) =>
    c.json((await import('./http/openapi/openapi.ts')).openApiDocument(app.routes))
  )
  app.route('/api', sessionRoutes)
  app.route('/api/auth', authRoutes)
  app.route('/api/programs', programAdminRoutes)
  app.route('/api/teams', memberRoutes)
  app.route('/api/programs', programRoutes)
  app.route('/api/teams', teamRoutes)
  app.route('/api/teams', teamInviteRoutes)
  app.route('/api/teams', teamRoundRoutes)
  app.route('/api/teams', threadRoutes)
  app.route('/api/programs', programRoundRoutes)
  app.route('/api/programs', programMemberRoutes)
  app.route('/api/programs', programPitchRoutes)
  app.route('/api/pitch-sessions', pitchSessionRoutes)
  app.route('/api/teams', teamStageRoutes)
  app.route('/api/share-links', shareLinkRoutes)
  app.route('/api/audience', audienceRoutes(deps.limiters))
  app.get('/api/time', (c) => c.json({ now: Date.now() }))
  app.route('/api/invites', inviteRoutes)
  app.route('/api/teams', teamPostingRoutes)
  app.route('/api/programs', programPostingRoutes)
  app.route('/api/programs', programSelectionRoutes)
  app.route('/api/programs', dashboardRoutes)
  app.route('/api/programs', webhookRoutes)
  app.route('/api/programs', retentionRoutes)
  app.route('/api/programs', digestRoutes)
  app.route('/api/postings', postingRoutes)
  app.route('/api/postings', postingSelectionRoutes)
  app.route('/api/applications', applicationRoutes)
  app.route('/api/interviews', interviewRoutes)
  app.route('/api', poolRoutes)
  app.all('/api/*', () => {
    throw new HttpError(404, 'not_found', 'no such API route')
  })

  // Public posting pages (server-rendered, no JavaScript) come before the SPA's catch-all.
  app.route('/', publicPostingRoutes(deps.applyRateLimit, deps.trustProxy, deps.limiters))
  app.route('/', publicApplicationRoutes())
  app.route('/', publicPoolRenewalRoutes())

  if (deps.staticRoot) {
    const root = deps.staticRoot
    app.use('/assets/*', serveStatic({ root }))
    app.use('*', serveStatic({ root }))
    // Client routes (/teams/…, /invite/…) are rendered by the SPA. Read on each request: a rebuild
    // renames the assets index.html points to, and a cached copy would serve blank pages.
    app.get('*', (c) => c.html(readFileSync(join(root, 'index.html'), 'utf8')))
  }

  app.onError((error, c) => {
    if (error instanceof HttpError) {
      return c.json({ error: { code: error.code, message: error.message } }, error.status)
    }
    deps.log.error('unhandled request error', { path: c.req.path, error: error.stack })
    return c.json({ error: { code: 'internal', message: 'the server failed; try again' } }, 500)
  })
  return app
}
