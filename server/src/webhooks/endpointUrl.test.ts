import { describe, expect, it } from 'vitest'
import { checkEndpointUrl } from './endpointUrl.ts'

describe('checkEndpointUrl', () => {
  it('accepts HTTPS anywhere', () => {
    expect(checkEndpointUrl('https://hooks.example.com/in', false)).toEqual({
      ok: true,
      url: 'https://hooks.example.com/in',
    })
  })
  it('accepts plain HTTP only to this machine, and only when allowed', () => {
    expect(checkEndpointUrl('http://localhost:9000/x', true).ok).toBe(true)
    expect(checkEndpointUrl('http://127.0.0.1:9000/x', true).ok).toBe(true)
    expect(checkEndpointUrl('http://localhost:9000/x', false).ok).toBe(false)
    expect(checkEndpointUrl('http://example.com/x', true).ok).toBe(false)
  })
  it('refuses other schemes, passwords and garbage', () => {
    expect(checkEndpointUrl('ftp://example.com', true).ok).toBe(false)
    expect(checkEndpointUrl('https://user:pw@example.com', true).ok).toBe(false)
    expect(checkEndpointUrl('not a url', true).ok).toBe(false)
  })
})
