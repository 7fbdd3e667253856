import { afterAll, afterEach, beforeAll } from 'vitest'
import { startCluster, type Cluster, type ClusterOptions } from './cluster.ts'

/** A cluster per test file (beforeAll / afterAll), with every instance's log printed when a test fails. */
export function useCluster(options: ClusterOptions = {}): () => Cluster {
  let cluster: Cluster | undefined
  beforeAll(async () => {
    cluster = await startCluster(options)
  }, 120_000)
  afterEach((context) => {
    if (context.task.result?.state !== 'fail' || !cluster) return
    cluster.instances.forEach((server, i) => {
      console.error(
        `--- instance ${i} log (${context.task.name}) ---\n${server.logs().slice(-10_000)}`
      )
    })
  })
  afterAll(async () => {
    await cluster?.stop()
  })
  return () => {
    if (!cluster) throw new Error('the cluster has not started')
    return cluster
  }
}
