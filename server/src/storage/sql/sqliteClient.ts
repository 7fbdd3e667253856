import { AsyncLocalStorage } from 'node:async_hooks'
import Database from 'better-sqlite3'
import type { Row, SqlClient, SqlValue, TxOptions } from './SqlClient.ts'

/**
 * better-sqlite3 behind the async SqlClient. Statements run synchronously; a transaction holds the one
 * connection, so statements from outside it wait until it ends instead of slipping into it.
 */
export function sqliteClient(db: Database.Database): SqlClient {
  const statements = new Map<string, Database.Statement>()
  let busy: Promise<void> | null = null
  // Marks the async work a transaction runs, so a statement it issues through the outer client (which
  // would wait for the transaction to end, forever) fails at once, naming the mistake.
  const inTransaction = new AsyncLocalStorage<symbol>()
  let current: symbol | null = null

  function prepare(sql: string): Database.Statement {
    let statement = statements.get(sql)
    if (!statement) {
      statement = db.prepare(sql)
      statements.set(sql, statement)
    }
    return statement
  }

  const direct: SqlClient = {
    dialect: 'sqlite',
    all: async (sql, params = []) => prepare(sql).all(...params) as Row[],
    one: async (sql, params = []) => prepare(sql).get(...params) as Row | undefined,
    run: async (sql, params = []) => prepare(sql).run(...params).changes,
    tx: (work) => work(direct),
    isUniqueViolation,
    isSerializationFailure: () => false,
    close: async () => {},
  }

  function assertOutsideTransaction(): void {
    if (busy && current !== null && inTransaction.getStore() === current)
      throw new Error(
        'a statement outside the transaction was issued inside it: use the stores tx() gives'
      )
  }

  /**
   * Runs `statement` once no transaction holds the connection. The last check and the statement (or the
   * claim, for a transaction) happen in one synchronous step: between an `await` and its continuation
   * another waiter may have claimed the connection.
   */
  async function whenIdle<T>(statement: () => T): Promise<T> {
    assertOutsideTransaction()
    while (busy) await busy
    return statement()
  }

  return {
    dialect: 'sqlite',
    all: (sql: string, params: readonly SqlValue[] = []) =>
      whenIdle(() => prepare(sql).all(...params) as Row[]),
    one: (sql: string, params: readonly SqlValue[] = []) =>
      whenIdle(() => prepare(sql).get(...params) as Row | undefined),
    run: (sql: string, params: readonly SqlValue[] = []) =>
      whenIdle(() => prepare(sql).run(...params).changes),
    async tx<T>(work: (client: SqlClient) => Promise<T>, _options?: TxOptions): Promise<T> {
      let release!: () => void
      await whenIdle(() => {
        busy = new Promise((resolve) => {
          release = resolve
        })
      })
      try {
        db.exec('BEGIN IMMEDIATE')
        try {
          const token = Symbol('transaction')
          current = token
          const result = await inTransaction.run(token, () => work(direct))
          db.exec('COMMIT')
          return result
        } catch (error) {
          if (db.inTransaction) db.exec('ROLLBACK')
          throw error
        }
      } finally {
        busy = null
        current = null
        // A running AsyncLocalStorage makes Node call a hook on every promise made anywhere (14 % of the
        // server's CPU while 20 people type in a room): it runs only while a transaction does.
        inTransaction.disable()
        release()
      }
    },
    isUniqueViolation,
    isSerializationFailure: () => false,
    close: () =>
      whenIdle(() => {
        db.close()
      }),
  }
}

function isUniqueViolation(error: unknown): boolean {
  return (
    error instanceof Database.SqliteError &&
    (error.code === 'SQLITE_CONSTRAINT_UNIQUE' || error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY')
  )
}
