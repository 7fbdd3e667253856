import { parseDocumentName } from '@specboard/shared'
import type { Config } from './config.ts'
import type { Logger } from './logger.ts'
import type { Storage } from './ports/Storage.ts'
import { Access } from './auth/Access.ts'
import { socketAdmission } from './auth/admitSocket.ts'
import { FAILED_LINKS } from './auth/audienceAccess.ts'
import { CollabServer } from './collab/CollabServer.ts'
import { ViewerCounter } from './pitch/ViewerCounter.ts'
import { createApp } from './app.ts'
import { AppOrigin } from './http/middleware/AppOrigin.ts'
import { loadSecretKey } from './secretKey.ts'
import { createMailer } from './mail/createMailer.ts'
import type { Mailer } from './mail/Mailer.ts'
import { type InstanceLink, localLink } from './instanceLink.ts'
import { rulesFor } from './collab/checks/rulesFor.ts'
import { ProgramTemplates } from './programs/ProgramTemplates.ts'
import { Webhooks } from './webhooks/Webhooks.ts'
import { SheetChangeNotices } from './webhooks/sheetChanges.ts'
import { PeriodicJobs } from './jobs/PeriodicJobs.ts'
import { eraseExpired } from './selection/retention.ts'
import { askRenewals, lapseUnrenewed } from './selection/poolRenewal.ts'
import { sendDigests } from './selection/digest.ts'

/** Sign-in mail budgets are "N per 15 minutes": a bucket of N refilled over that window. */
const SIGNIN_WINDOW_SECONDS = 15 * 60

/** Everything a running server is made of, wired once — by main.ts and by tests alike. */
export function composeServer(
  storage: Storage,
  config: Config,
  log: Logger,
  staticRoot?: string,
  mailer: Mailer = createMailer(config, log, storage.mailFailures),
  link: InstanceLink = localLink()
) {
  const access = new Access(storage.records, storage.accounts, config.adminToken)
  const origin = new AppOrigin(config.publicUrl)
  const viewers = new ViewerCounter(storage.pitch, link.viewers, log)
  const templates = new ProgramTemplates(storage.records, link.relay)
  const events = new Webhooks(storage.webhooks, config.webhookRetryDelaysMs, log)
  const sheetChanges = new SheetChangeNotices(
    storage.records,
    events,
    config.sheetChangeNoticeMs,
    log
  )
  const collab = new CollabServer(
    sheetChanges.watching(storage.log),
    link.relay,
    socketAdmission(access, storage.records, storage.pitch, origin, {
      limiter: link.limiters('failed-links', FAILED_LINKS),
      proxyHops: config.trustProxy,
    }),
    config,
    log,
    {
      afterConnectionChange: (document, connections) =>
        viewers.afterConnectionChange(document, connections),
      rulesFor: async (document) => {
        // The team's program is fixed; its template may change while the sheet is open (kept current
        // by ProgramTemplates), so the rules ask for it at each check.
        const name = parseDocumentName(document)
        const team = name?.kind === 'spec' ? await storage.records.getTeam(name.teamId) : undefined
        if (team) await templates.load(team.programId)
        return rulesFor(document, () => (team ? templates.current(team.programId) : undefined))
      },
    },
    link.people
  )
  viewers.attach(collab)
  const jobs = new PeriodicJobs(log)
  const app = createApp({
    records: storage.records,
    pitch: storage.pitch,
    postings: storage.postings,
    accounts: storage.accounts,
    webhooks: storage.webhooks,
    digests: storage.digests,
    mailFailures: storage.mailFailures,
    events,
    templates,
    allowLocalWebhooks: config.allowLocalWebhooks,
    tx: storage.tx,
    access,
    live: collab,
    log,
    limiters: link.limiters,
    staticRoot,
    origin,
    mailer,
    signInLimits: {
      perAddress: link.limiters('signin-address', {
        burst: config.signInMailPerAddress,
        perSecond: config.signInMailPerAddress / SIGNIN_WINDOW_SECONDS,
      }),
      perClient: link.limiters('signin-client', {
        burst: config.signInMailPerClient,
        perSecond: config.signInMailPerClient / SIGNIN_WINDOW_SECONDS,
      }),
    },
    trustProxy: config.trustProxy,
    applyRateLimit: config.applyRateLimit,
    secretKey: loadSecretKey(config.dataDir, config.secretKey),
  })
  return {
    app,
    collab,
    access,
    /** Tell it the port once the server listens. */
    origin,
    mailer,
    /**
     * Starts what the server does by itself, hourly (HOUSEKEEPING_MS) and once now: erasure after the
     * retention period, pool consent renewals, the coordinators' daily digest. Called once the server listens, so links in mail carry
     * its port.
     */
    startHousekeeping() {
      jobs.start({
        name: 'retention',
        everyMs: config.housekeepingMs,
        run: async (now) => {
          const erased = await eraseExpired(storage, now)
          if (erased > 0) log.info('personal data erased after the retention period', { erased })
        },
      })
      jobs.start({
        name: 'pool-renewal',
        everyMs: config.housekeepingMs,
        run: async (now) => {
          const asked = await askRenewals(storage, mailer, origin.url, now)
          const lapsed = await lapseUnrenewed(storage, now)
          if (asked + lapsed > 0) log.info('pool consent renewals', { asked, lapsed })
        },
      })
      jobs.start({
        name: 'digest',
        everyMs: config.housekeepingMs,
        run: async (now) => {
          const sent = await sendDigests(storage, mailer, origin.url, now)
          if (sent > 0) log.info("coordinators' daily digests sent", { sent })
        },
      })
    },
    /** Stops the collaboration side: sockets closed, rooms freed, pending counts dropped. */
    close() {
      viewers.close()
      void jobs.close()
      collab.close()
      events.close()
      sheetChanges.close()
      void mailer.close()
    },
  }
}
