import pg from 'pg'
import type { Row, SqlClient, SqlValue, TxOptions } from './SqlClient.ts'

/** int8 (COUNT, SUM, identity columns) and numeric come back as strings by default; ours fit in a number. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === pg.types.builtins.INT8 || oid === pg.types.builtins.NUMERIC) return Number
    return pg.types.getTypeParser(oid, format)
  }) as typeof pg.types.getTypeParser,
}

/** `?` placeholders become `$1, $2, …`; quoted literals are left alone. */
function numbered(sql: string): string {
  let n = 0
  return sql.replace(/'(?:[^']|'')*'|\?/g, (token) => (token === '?' ? `$${++n}` : token))
}

function toParams(params: readonly SqlValue[]): unknown[] {
  return params.map((p) =>
    p instanceof Uint8Array && !Buffer.isBuffer(p)
      ? Buffer.from(p.buffer, p.byteOffset, p.byteLength)
      : p
  )
}

const texts = new Map<string, string>()
function text(sql: string): string {
  let converted = texts.get(sql)
  if (converted === undefined) {
    converted = numbered(sql)
    texts.set(sql, converted)
  }
  return converted
}

type Queryable = Pick<pg.Pool, 'query'> | pg.PoolClient

function over(db: Queryable, tx: SqlClient['tx'], close: () => Promise<void>): SqlClient {
  return {
    dialect: 'postgres',
    all: async (sql, params = []) => (await db.query(text(sql), toParams(params))).rows as Row[],
    one: async (sql, params = []) =>
      (await db.query(text(sql), toParams(params))).rows[0] as Row | undefined,
    run: async (sql, params = []) => (await db.query(text(sql), toParams(params))).rowCount ?? 0,
    tx,
    isUniqueViolation,
    isSerializationFailure,
    close,
  }
}

/**
 * node-postgres behind the async SqlClient: a pool for statements, one pooled connection per transaction.
 * Connecting gives up after `connectTimeoutMs`, so an unreachable database refuses writes instead of
 * holding them. Waiting for a free connection has no such limit: the pool's own timeout would also
 * refuse work that merely queues behind a burst (a thousand sockets loading their rooms at once).
 */
export function pgClient(url: string, connectTimeoutMs = 5000): SqlClient {
  class TimedClient extends pg.Client {
    constructor(config?: pg.ClientConfig) {
      super({ ...config, connectionTimeoutMillis: connectTimeoutMs })
    }
  }
  const pool = new pg.Pool({ connectionString: url, types, Client: TimedClient })
  // An idle connection the server dropped is reported here; the next query connects again.
  pool.on('error', () => {})

  async function tx<T>(work: (client: SqlClient) => Promise<T>, options?: TxOptions): Promise<T> {
    const connection = await pool.connect()
    let broken = false
    try {
      await connection.query(options?.snapshot ? 'BEGIN ISOLATION LEVEL REPEATABLE READ' : 'BEGIN')
      const bound = over(
        connection,
        (inner) => inner(bound),
        async () => {}
      )
      const result = await work(bound)
      await connection.query('COMMIT')
      return result
    } catch (error) {
      await connection.query('ROLLBACK').catch(() => {
        broken = true
      })
      throw error
    } finally {
      connection.release(broken)
    }
  }

  return over(pool, tx, () => pool.end())
}

function codeOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error
    ? String((error as { code: unknown }).code)
    : undefined
}

const isUniqueViolation = (error: unknown) => codeOf(error) === '23505'
const isSerializationFailure = (error: unknown) => codeOf(error) === '40001'
