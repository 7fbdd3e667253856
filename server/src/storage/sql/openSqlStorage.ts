import type { Stores, Storage } from '../../ports/Storage.ts'
import type { SqlClient } from './SqlClient.ts'
import { SqlAccounts } from './SqlAccounts.ts'
import { SqlDocumentLog } from './SqlDocumentLog.ts'
import { SqlPitch } from './SqlPitch.ts'
import { sqlPostingStore } from './SqlPostings.ts'
import { SqlRecords } from './SqlRecords.ts'

function storesOver(sql: SqlClient): Stores {
  return {
    records: new SqlRecords(sql),
    accounts: new SqlAccounts(sql),
    pitch: new SqlPitch(sql),
    postings: sqlPostingStore(sql),
    tx: (work) => sql.tx((tx) => work(storesOver(tx))),
  }
}

/** The storage ports over one SQL client (already migrated), whichever engine it talks to. */
export function openSqlStorage(sql: SqlClient): Storage {
  return {
    ...storesOver(sql),
    log: new SqlDocumentLog(sql),
    close: () => sql.close(),
  }
}
