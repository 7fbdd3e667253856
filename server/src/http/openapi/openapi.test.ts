import { describe, expect, it } from 'vitest'
import { createTestApp } from '../../../../tests/helpers/testApp.ts'
import { openApiDocument } from './openapi.ts'

/** `METHOD /path/{param}` for every route the app answers (Hono's `:param{regex}` as `{param}`). */
function registeredRoutes(): Set<string> {
  const { app } = createTestApp()
  const routes = new Set<string>()
  for (const route of app.routes) {
    // Middleware is registered for every method; the SPA fallback serves the client, not the API.
    if (route.method === 'ALL' || route.path.includes('*')) continue
    const path = route.path.replace(/:(\w+)(\{[^}]*\})?/g, '{$1}')
    routes.add(`${route.method} ${path}`)
  }
  return routes
}

function documentedRoutes(): Set<string> {
  const doc = openApiDocument()
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

  it('describes each request body and JSON answer with a JSON Schema', () => {
    const doc = openApiDocument()
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
