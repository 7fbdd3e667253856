import type { z } from 'zod'
import type { Access, Principal } from '../../auth/Access.ts'
import type { AppOrigin } from './AppOrigin.ts'
import type { Logger } from '../../logger.ts'
import type { Mailer } from '../../mail/Mailer.ts'
import type { Limiter, LimiterFactory } from '../../ports/Limiter.ts'
import type { LiveDocuments } from '../../ports/LiveDocuments.ts'
import type { Stores } from '../../ports/Storage.ts'
import type { RecordStore } from '../../storage/Storage.ts'
import type { PitchStore } from '../../storage/PitchStore.ts'
import type { PostingStore } from '../../storage/PostingStore.ts'
import type { AccountStore } from '../../storage/AccountStore.ts'
import type { DigestStore } from '../../storage/DigestStore.ts'
import type { MailFailureStore } from '../../storage/MailFailureStore.ts'
import type { WebhookStore } from '../../storage/WebhookStore.ts'
import type { Webhooks } from '../../webhooks/Webhooks.ts'
import type { ProgramTemplates } from '../../programs/ProgramTemplates.ts'

/** What routes need; `createApp` receives it once and every request sees it on `c.var.deps`. */
export interface AppDeps {
  readonly records: RecordStore
  readonly pitch: PitchStore
  readonly postings: PostingStore
  readonly accounts: AccountStore
  readonly webhooks: WebhookStore
  readonly digests: DigestStore
  readonly mailFailures: MailFailureStore
  /** Program events to webhook endpoints, sent in the background: `deps.events.emit(…)`. */
  readonly events: Webhooks
  /** Programs' sheet templates as the update checks see them: told of every template change. */
  readonly templates: Pick<ProgramTemplates, 'changed'>
  /** ALLOW_LOCAL_WEBHOOKS: endpoints may be http://localhost (development). */
  readonly allowLocalWebhooks: boolean
  /** One transaction over every store: `deps.tx(async (stores) => …)` (deps are the Stores). */
  readonly tx: Stores['tx']
  readonly access: Access
  /** Live documents: read, change as the server, who is here, close sockets. */
  readonly live: LiveDocuments
  readonly log: Logger
  /** Queues mail; sending never blocks the request. */
  readonly mailer: Mailer
  /** The key status links in applicant mail are derived with (see statusToken.ts). */
  readonly secretKey: Buffer
  /** Makes the rate limits of public forms and the audience (shared by every instance with Redis). */
  readonly limiters: LimiterFactory
  /** Sign-in mail asked for, per address and per client address. */
  readonly signInLimits: {
    readonly perAddress: Limiter
    readonly perClient: Limiter
  }
  /** Applications accepted per client address per 10 minutes on the public form (APPLY_RATE_LIMIT). */
  readonly applyRateLimit: number
  /** Reverse proxies in front that set X-Forwarded-For (TRUST_PROXY). */
  readonly trustProxy: number
  /** The app's own origin: what links are built with, and the only origin allowed to use the cookie. */
  readonly origin: AppOrigin
  /** Where the built client lives; absent in API-only tests. */
  readonly staticRoot?: string
}

export interface AppEnv {
  Variables: {
    deps: AppDeps
    principal: Principal | null
    /** The JSON body the matched route declared (`jsonBody`), which `readBody` validates with. */
    bodySchema?: z.ZodType
  }
}
