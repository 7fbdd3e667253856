import { Hono } from 'hono'
import { z } from 'zod'
import { describe, expect, it } from 'vitest'
import { HttpError } from '../../errors.ts'
import type { AppEnv } from './AppEnv.ts'
import { declaredBody, jsonBody, readBody } from './validate.ts'

const Count = z.object({ count: z.number().int() })

/** A route reading its declared body, answering errors as the app does. */
function countApp() {
  const app = new Hono<AppEnv>().post('/count', jsonBody(Count), async (c) =>
    c.json(await readBody(c))
  )
  app.onError((error, c) =>
    error instanceof HttpError
      ? c.json({ error: error.code }, error.status)
      : c.json({ error: 'internal' }, 500)
  )
  return app
}

const post = (app: Hono<AppEnv>, body: string, type = 'application/json') =>
  app.request('/count', { method: 'POST', headers: { 'content-type': type }, body })

describe('jsonBody and readBody', () => {
  it('validates with the declared schema: refuses what it refuses, passes on what it accepts', async () => {
    const app = countApp()
    const refused = await post(app, JSON.stringify({ count: 'three' }))
    expect(refused.status).toBe(400)
    expect(await refused.json()).toEqual({ error: 'invalid_body' })
    const accepted = await post(app, JSON.stringify({ count: 3, extra: true }))
    expect(accepted.status).toBe(200)
    expect(await accepted.json()).toEqual({ count: 3 })
    expect((await post(app, '{')).status).toBe(400)
    expect((await post(app, '{}', 'text/plain')).status).toBe(415)
  })

  it('leaves the declaration in the route list, where the OpenAPI document reads the schema', () => {
    const schemas = countApp().routes.map((route) => declaredBody(route.handler))
    expect(schemas.filter((schema) => schema !== undefined)).toEqual([Count])
  })
})
