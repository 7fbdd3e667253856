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

  /** The first row `sql` finds, as a record made by `toRecord`. */
  protected async findOne<T>(
    toRecord: (row: Row) => T,
    sql: string,
    ...params: SqlValue[]
  ): Promise<T | undefined> {
    const row = await this.sql.one(sql, params)
    return row && toRecord(row)
  }

  /** Every row `sql` finds, as records made by `toRecord`. */
  protected async findAll<T>(
    toRecord: (row: Row) => T,
    sql: string,
    ...params: SqlValue[]
  ): Promise<T[]> {
    return (await this.sql.all(sql, params)).map((row) => toRecord(row))
  }

  /** Resolves with the number of rows changed. */
  protected execute(sql: string, ...params: SqlValue[]): Promise<number> {
    return this.sql.run(sql, params)
  }

  /**
   * Inserts one row given as columns and their values; a record's camelCase fields name their
   * snake_case columns, so a record holding only columns can be inserted as it is.
   */
  protected insert(table: string, row: Readonly<Record<string, SqlValue>>): Promise<number> {
    const columns = Object.keys(row).map((key) => {
      // Names come from code, never from a request; anything else would be spliced into SQL.
      if (!/^[a-z][a-z0-9_]*$/i.test(key)) throw new Error(`not a column name: ${key}`)
      return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)
    })
    return this.sql.run(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
      Object.values(row)
    )
  }

  /** The first column of the first row, if any. */
  protected async queryValue(sql: string, ...params: SqlValue[]): Promise<unknown> {
    const row = await this.sql.one(sql, params)
    return row ? Object.values(row)[0] : undefined
  }
}
