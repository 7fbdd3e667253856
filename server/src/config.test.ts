import { describe, expect, it } from 'vitest'
import { DEFAULT_MAX_FRAME_BYTES } from '@specboard/shared'
import { readConfig } from './config.ts'

describe('readConfig', () => {
  it('has defaults for everything', () => {
    const config = readConfig({})
    expect(config).toMatchObject({
      port: 8787,
      adminToken: undefined,
      maxFrameBytes: DEFAULT_MAX_FRAME_BYTES,
      unloadDelayMs: 30_000,
      compactAfter: 500,
      messagesPerSecond: 300,
      messageBurst: 1000,
      seedDemo: true,
      redisUrl: undefined,
    })
    expect(config.dataDir).toMatch(/data$/)
  })

  it('reads the environment', () => {
    const config = readConfig({
      PORT: '0',
      DATA_DIR: '/tmp/x',
      ADMIN_TOKEN: 'secret',
      MAX_FRAME_BYTES: '65536',
      UNLOAD_DELAY_MS: '0',
      COMPACT_AFTER: '20',
      MESSAGES_PER_SECOND: '5000',
      MESSAGE_BURST: '10000',
      SEED_DEMO: '0',
    })
    expect(config).toMatchObject({
      port: 0,
      dataDir: '/tmp/x',
      adminToken: 'secret',
      maxFrameBytes: 65536,
      unloadDelayMs: 0,
      compactAfter: 20,
      messagesPerSecond: 5000,
      messageBurst: 10000,
      seedDemo: false,
    })
  })

  it('treats an empty ADMIN_TOKEN as none, so it can never match an empty bearer', () => {
    expect(readConfig({ ADMIN_TOKEN: '' }).adminToken).toBeUndefined()
  })

  it.each([
    ['PORT', '-1'],
    ['PORT', 'abc'],
    ['MAX_FRAME_BYTES', '10'],
    ['COMPACT_AFTER', '1'],
    ['COMPACT_AFTER', '2.5'],
    ['MESSAGES_PER_SECOND', '0'],
  ])('refuses %s=%s, naming the variable', (name, value) => {
    expect(() => readConfig({ [name]: value })).toThrow(name)
  })

  it('takes a PostgreSQL URL and refuses anything else, without echoing a password', () => {
    expect(readConfig({}).databaseUrl).toBeUndefined()
    expect(readConfig({ DATABASE_URL: 'postgres://app:pw@db:5432/specboard' }).databaseUrl).toBe(
      'postgres://app:pw@db:5432/specboard'
    )
    expect(() => readConfig({ DATABASE_URL: 'mysql://app:secret@db/specboard' })).toThrow(
      'DATABASE_URL must start with postgres:// or postgresql://, got "db/specboard"'
    )
  })

  it('takes a Redis URL and refuses anything else', () => {
    expect(readConfig({ REDIS_URL: 'redis://10.0.0.5:6379/2' }).redisUrl).toBe(
      'redis://10.0.0.5:6379/2'
    )
    expect(readConfig({ REDIS_URL: 'rediss://cache.example:6380' }).redisUrl).toBeDefined()
    expect(() => readConfig({ REDIS_URL: 'http://user:secret@10.0.0.5' })).toThrow(
      'REDIS_URL must start with redis:// or rediss://, got "10.0.0.5"'
    )
  })
})
