import { resolve } from 'node:path'
import { proxyHopsFrom } from './http/middleware/clientAddress.ts'
import { DEFAULT_MAX_DOCUMENT_BYTES, DEFAULT_MAX_FRAME_BYTES } from '@specboard/shared'

/** Everything the server reads from its environment, with defaults; read once, at start. */
export interface Config {
  readonly port: number
  readonly dataDir: string
  readonly adminToken: string | undefined
  /** The origin people reach this server at (links, feeds, origin checks); else the request's own. */
  readonly publicUrl: string | undefined
  readonly maxFrameBytes: number
  /** Quota of one document's stored state; an update that would pass it is refused. */
  readonly maxDocumentBytes: number
  readonly unloadDelayMs: number
  readonly compactAfter: number
  readonly awarenessFlushMs: number
  readonly messagesPerSecond: number
  readonly messageBurst: number
  readonly heartbeatMs: number
  readonly maxBufferedBytes: number
  readonly seedDemo: boolean
  /**
   * Test only (SEED_DEMO_FAIL=1): the demo seeding throws after its last write, before its unit of work
   * commits, so a test can show that an interrupted first start leaves nothing and the next one seeds all.
   */
  readonly seedDemoFail: boolean
  readonly staticRoot: string
  /** SMTP_URL (e.g. `smtp://user:pass@host:587`); unset: mail goes to DATA_DIR/outbox/ as `.eml` files. */
  readonly smtpUrl: string | undefined
  /** MAIL_FROM: the sender of every mail. */
  readonly mailFrom: string
  /** MAIL_RETRY_DELAYS_MS: waits before each retry of a failed delivery, comma-separated. */
  readonly mailRetryDelaysMs: readonly number[]
  /** `redis://…`: relay documents, presence and limits between instances; unset for one instance. */
  readonly redisUrl: string | undefined
  /** SIGNIN_MAIL_PER_ADDRESS / SIGNIN_MAIL_PER_CLIENT: sign-in mails asked for per 15 minutes. */
  readonly signInMailPerAddress: number
  readonly signInMailPerClient: number
  /** APPLY_RATE_LIMIT: applications accepted per client address per 10 minutes (public form). */
  readonly applyRateLimit: number
  /** TRUST_PROXY: how many reverse proxies set X-Forwarded-For (0: none; see clientAddress.ts). */
  readonly trustProxy: number
  /** SECRET_KEY: the key status links in mail are derived with (else DATA_DIR/secret.key). */
  readonly secretKey: string | undefined
  /** `postgres://…`: every record and update log in PostgreSQL; unset: SQLite in DATA_DIR. */
  readonly databaseUrl: string | undefined
  /** ALLOW_LOCAL_WEBHOOKS=1: webhook endpoints may be http://localhost or 127.0.0.1 (development). */
  readonly allowLocalWebhooks: boolean
  /** WEBHOOK_RETRY_DELAYS_MS: waits before each retry of a failed webhook delivery, comma-separated. */
  readonly webhookRetryDelaysMs: readonly number[]
  /** SHEET_CHANGE_NOTICE_MS: the least time between two `sheet.changed` webhooks of one sheet. */
  readonly sheetChangeNoticeMs: number
  /** HOUSEKEEPING_MS: how often the server erases after retention, renews pool consent and sends digests. */
  readonly housekeepingMs: number
}

function intFrom(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < min)
    throw new Error(`${name} must be an integer ≥ ${min}, got "${raw}"`)
  return value
}

function delaysFrom(env: NodeJS.ProcessEnv, name: string, fallback: number[]): number[] {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const values = raw.split(',').map((part) => Number(part.trim()))
  if (values.some((v) => !Number.isInteger(v) || v < 0))
    throw new Error(`${name} must be comma-separated milliseconds, got "${raw}"`)
  return values
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: intFrom(env, 'PORT', 8787, 0),
    dataDir: resolve(env.DATA_DIR ?? './data'),
    adminToken: env.ADMIN_TOKEN || undefined,
    publicUrl: env.PUBLIC_URL?.replace(/\/+$/, '') || undefined,
    maxFrameBytes: intFrom(env, 'MAX_FRAME_BYTES', DEFAULT_MAX_FRAME_BYTES, 1024),
    maxDocumentBytes: intFrom(env, 'MAX_DOCUMENT_BYTES', DEFAULT_MAX_DOCUMENT_BYTES, 64 * 1024),
    unloadDelayMs: intFrom(env, 'UNLOAD_DELAY_MS', 30_000, 0),
    compactAfter: intFrom(env, 'COMPACT_AFTER', 500, 2),
    awarenessFlushMs: intFrom(env, 'PRESENCE_FLUSH_MS', 30, 0),
    messagesPerSecond: intFrom(env, 'MESSAGES_PER_SECOND', 300, 1),
    messageBurst: intFrom(env, 'MESSAGE_BURST', 1000, 1),
    heartbeatMs: intFrom(env, 'HEARTBEAT_MS', 30_000, 1000),
    maxBufferedBytes: intFrom(env, 'MAX_BUFFERED_BYTES', 8 * 1024 * 1024, 64 * 1024),
    seedDemo: env.SEED_DEMO !== '0',
    seedDemoFail: env.SEED_DEMO_FAIL === '1',
    staticRoot: resolve(env.STATIC_ROOT ?? './dist'),
    smtpUrl: env.SMTP_URL || undefined,
    signInMailPerAddress: intFrom(env, 'SIGNIN_MAIL_PER_ADDRESS', 5, 1),
    signInMailPerClient: intFrom(env, 'SIGNIN_MAIL_PER_CLIENT', 20, 1),
    applyRateLimit: intFrom(env, 'APPLY_RATE_LIMIT', 5, 1),
    trustProxy: proxyHopsFrom(env),
    mailFrom: env.MAIL_FROM || 'Specboard <no-reply@specboard.localhost>',
    mailRetryDelaysMs: delaysFrom(
      env,
      'MAIL_RETRY_DELAYS_MS',
      [2_000, 10_000, 60_000, 300_000, 1_800_000]
    ),
    redisUrl: redisUrlFrom(env.REDIS_URL),
    secretKey: env.SECRET_KEY || undefined,
    databaseUrl: databaseUrlFrom(env.DATABASE_URL),
    allowLocalWebhooks: env.ALLOW_LOCAL_WEBHOOKS === '1',
    sheetChangeNoticeMs: intFrom(env, 'SHEET_CHANGE_NOTICE_MS', 60_000, 100),
    housekeepingMs: intFrom(env, 'HOUSEKEEPING_MS', 60 * 60_000, 1000),
    webhookRetryDelaysMs: delaysFrom(env, 'WEBHOOK_RETRY_DELAYS_MS', [
      10_000,
      60_000,
      5 * 60_000,
      30 * 60_000,
      2 * 60 * 60_000,
    ]),
  }
}

function databaseUrlFrom(raw: string | undefined): string | undefined {
  if (raw === undefined || raw === '') return undefined
  if (!/^postgres(ql)?:\/\/./.test(raw))
    throw new Error(
      `DATABASE_URL must start with postgres:// or postgresql://, got "${raw.split('@').pop()}"`
    )
  return raw
}

function redisUrlFrom(raw: string | undefined): string | undefined {
  if (raw === undefined || raw === '') return undefined
  if (!/^rediss?:\/\/./.test(raw))
    throw new Error(
      `REDIS_URL must start with redis:// or rediss://, got "${raw.split('@').pop()}"`
    )
  return raw
}
