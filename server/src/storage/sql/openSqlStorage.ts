import type { Storage, TxStores } from '../../ports/Storage.ts'
import type { SqlClient } from './SqlClient.ts'
import { SqlAccounts } from './SqlAccounts.ts'
import { GroupCommitLog } from '../GroupCommitLog.ts'
import { SqlDocumentLog } from './SqlDocumentLog.ts'
import { SqlPitch } from './SqlPitch.ts'
import { sqlPostingStore } from './SqlPostings.ts'
import { SqlRecords } from './SqlRecords.ts'
import { SqlWebhooks } from './SqlWebhooks.ts'
import { SqlDigests } from './SqlDigests.ts'
import { SqlMailFailures } from './SqlMailFailures.ts'

function storesOver(sql: SqlClient): TxStores {
  return {
    records: new SqlRecords(sql),
    accounts: new SqlAccounts(sql),
    pitch: new SqlPitch(sql),
    postings: sqlPostingStore(sql),
    webhooks: new SqlWebhooks(sql),
    digests: new SqlDigests(sql),
    mailFailures: new SqlMailFailures(sql),
    documents: new SqlDocumentLog(sql),
    tx: (work) => sql.tx((tx) => work(storesOver(tx))),
  }
}

/** The storage ports over one SQL client (already migrated), whichever engine it talks to. */
export function openSqlStorage(sql: SqlClient): Storage {
  return {
    ...storesOver(sql),
    // Appends from every room in one event-loop turn share one commit (each still resolves only
    // after it): on PostgreSQL a commit is a round trip and a WAL flush, paid once per turn.
    log: new GroupCommitLog(new SqlDocumentLog(sql)),
    close: () => sql.close(),
  }
}
