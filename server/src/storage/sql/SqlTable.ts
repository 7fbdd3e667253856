import type { Row, SqlClient, SqlValue } from './SqlClient.ts'

type StoreClass<T> = new (sql: SqlClient) => T

/** The base of every SQL store: short helpers over the client it was made with (a transaction's, maybe). */
export abstract class SqlTable {
  constructor(protected readonly sql: SqlClient) {}

  /** Runs `work` in one transaction, over a copy of this store bound to it. */
  protected inTx<T>(work: (self: this) => Promise<T>): Promise<T> {
    const Store = this.constructor as StoreClass<this>
    return this.sql.tx((tx) => work(new Store(tx)))
  }

  protected queryRow(sql: string, ...params: SqlValue[]): Promise<Row | undefined> {
    return this.sql.one(sql, params)
  }

  protected queryRows(sql: string, ...params: SqlValue[]): Promise<Row[]> {
    return this.sql.all(sql, params)
  }

  /** Resolves with the number of rows changed. */
  protected execute(sql: string, ...params: SqlValue[]): Promise<number> {
    return this.sql.run(sql, params)
  }

  /** The first column of the first row, if any. */
  protected async queryValue(sql: string, ...params: SqlValue[]): Promise<unknown> {
    const row = await this.sql.one(sql, params)
    return row ? Object.values(row)[0] : undefined
  }
}
