import { z } from 'zod'
import { describe, expect, it } from 'vitest'
import { createTestApp } from '../../../../tests/helpers/testApp.ts'
import { declaredBody } from '../middleware/validate.ts'
import { openApiDocument, openApiPath } from './openapi.ts'

const { app } = createTestApp()

/** `METHOD /path/{param}` for every route the app answers (Hono's `:param{regex}` as `{param}`). */
function registeredRoutes(): Set<string> {
  const routes = new Set<string>()
  for (const route of app.routes) {
    // Middleware is registered for every method; the SPA fallback serves the client, not the API.
    if (route.method === 'ALL' || route.path.includes('*')) continue
    routes.add(`${route.method} ${openApiPath(route.path)}`)
  }
  return routes
}

function documentedRoutes(): Set<string> {
  const doc = openApiDocument(app.routes)
  return new Set(
    Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`)
    )
  )
}

describe('openApiDocument (issue 14)', () => {
  it('documents exactly the routes the app registers, so neither can drift from the other', () => {
    const registered = registeredRoutes()
    const documented = documentedRoutes()
    expect(
      [...registered].filter((r) => !documented.has(r)),
      'registered, not documented'
    ).toEqual([])
    expect(
      [...documented].filter((r) => !registered.has(r)),
      'documented, not registered'
    ).toEqual([])
    expect(registered.size).toBeGreaterThan(90)
  })

  it('names as each request body the very schema its route declares, and readBody validates with', () => {
    const doc = openApiDocument(app.routes) as {
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, unknown> } }>>
    }
    const declared = app.routes.flatMap((route) => {
      const schema = declaredBody(route.handler)
      return schema ? [{ key: `${route.method} ${openApiPath(route.path)}`, route, schema }] : []
    })
    // One declaration a route: two would leave the document and the check to agree on which one wins.
    expect(new Set(declared.map((d) => d.key)).size).toBe(declared.length)
    // The routes that take a JSON body (34 when this was written): readBody cannot be called undeclared.
    expect(declared.length).toBeGreaterThanOrEqual(34)
    for (const { route, schema } of declared) {
      const op = doc.paths[openApiPath(route.path)]?.[route.method.toLowerCase()]
      expect(op?.requestBody?.content['application/json'], `${route.method} ${route.path}`).toEqual(
        {
          schema: z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }),
        }
      )
    }
    // And no operation documents a body its route does not declare.
    const documentedBodies = Object.values(doc.paths).flatMap((ops) =>
      Object.values(ops).filter((op) => op.requestBody)
    )
    expect(documentedBodies.length).toBe(declared.length)
  })

  it('describes each request body and JSON answer with a JSON Schema', () => {
    const doc = openApiDocument(app.routes)
    const join = doc.paths['/api/audience/{token}/join']?.post as {
      requestBody: { content: { 'application/json': { schema: { properties: object } } } }
      security: unknown[]
    }
    expect(Object.keys(join.requestBody.content['application/json'].schema.properties)).toEqual(
      expect.arrayContaining(['name', 'contact', 'consent'])
    )
    expect(join.security).toEqual([])
  })
})
