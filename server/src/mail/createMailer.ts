import { join } from 'node:path'
import type { Config } from '../config.ts'
import type { Logger } from '../logger.ts'
import { MailQueue } from './MailQueue.ts'
import type { Mailer } from './Mailer.ts'
import { outboxTransport } from './outboxTransport.ts'
import { smtpTransport } from './smtpTransport.ts'
import { MailSpool } from './MailSpool.ts'
import type { MailFailureStore } from '../storage/MailFailureStore.ts'

/** SMTP when SMTP_URL is set; otherwise `.eml` files in DATA_DIR/outbox/ and a line on the console. */
export function createMailer(config: Config, log: Logger, failures?: MailFailureStore): Mailer {
  const outbox = join(config.dataDir, 'outbox')
  const transport = config.smtpUrl
    ? smtpTransport(config.smtpUrl, config.mailFrom)
    : outboxTransport(outbox, config.mailFrom)
  const queue = new MailQueue({
    transport,
    from: config.mailFrom,
    failedDir: join(outbox, 'failed'),
    log,
    retryDelaysMs: config.mailRetryDelaysMs,
    spool: new MailSpool(join(config.dataDir, 'mail-queue')),
    failures,
  })
  void queue.resume()
  return queue
}
