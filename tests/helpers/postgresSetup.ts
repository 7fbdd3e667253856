/**
 * Global setup of the `integration-pg` project: one PostgreSQL for the whole run (DATABASE_URL's server
 * when given, else a private cluster), handed to the test files, which make a database per server.
 */
import type { TestProject } from 'vitest/node'
import { sharedOrPrivatePostgres } from './startPostgres.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    postgresAdminUrl: string
  }
}

export default async function setup(project: TestProject) {
  const postgres = await sharedOrPrivatePostgres()
  project.provide('postgresAdminUrl', postgres.adminUrl)
  return () => postgres.stop()
}
