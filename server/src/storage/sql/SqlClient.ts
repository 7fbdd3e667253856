/**
 * The little SQL the stores need, the same for SQLite and PostgreSQL: `?` placeholders, rows as plain
 * objects, BLOB/bytea as Uint8Array, integers as numbers. The stores are written once against this.
 */

export type SqlValue = string | number | null | Uint8Array
export type Row = Record<string, unknown>

export type Dialect = 'sqlite' | 'postgres'

export interface TxOptions {
  /** PostgreSQL: REPEATABLE READ, so reads and deletes see one snapshot. SQLite is always serializable. */
  readonly snapshot?: boolean
}

export interface SqlClient {
  readonly dialect: Dialect
  all(sql: string, params?: readonly SqlValue[]): Promise<Row[]>
  one(sql: string, params?: readonly SqlValue[]): Promise<Row | undefined>
  /** Runs a statement; resolves with the number of rows it changed. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>
  /**
   * Runs `work` in one transaction with a client bound to it; commits when it resolves, rolls back when
   * it rejects. Called on a client that is already in a transaction, `work` joins that transaction.
   */
  tx<T>(work: (client: SqlClient) => Promise<T>, options?: TxOptions): Promise<T>
  /** Whether `error` is a unique-constraint violation. */
  isUniqueViolation(error: unknown): boolean
  /** Whether a snapshot transaction failed because another one changed the same rows first. */
  isSerializationFailure(error: unknown): boolean
  close(): Promise<void>
}

/** A column that holds bytes (BLOB or bytea), as a plain Uint8Array over the same memory. */
export function bytes(value: unknown): Uint8Array {
  if (!(value instanceof Uint8Array)) throw new Error('expected a binary column')
  return new Uint8Array(value.buffer, value.byteOffset, value.byteLength)
}

/** `?, ?, ?` for `values` (for `IN (…)` lists). */
export function marks(values: readonly unknown[]): string {
  return values.map(() => '?').join(', ')
}
