import { describe, expect, it } from 'vitest'
import { parseImageReference } from './image-reference'

describe('parseImageReference', () => {
  it.each(['nginx', 'nginx:1.27-alpine', 'traefik/whoami', 'nicolaka/netshoot:latest', 'localhost:5000/app:v1', 'registry.example.com/team/app', 'my_app', 'MyOrg/app', 'a__b', 'x-y', `alpine@sha256:${'a'.repeat(64)}`])(
    '%s is a valid reference',
    (ref) => {
      expect(parseImageReference(ref)).toEqual({ ok: true, value: ref })
    },
  )

  it.each(['nginx:', ':latest', 'nginx::1', 'ngi nx', '/nginx', 'nginx/', 'a..b', '-nginx', 'nginx:-x', 'alpine@sha256:abc', 'nginx:a/b'])('%s is "invalid reference format"', (ref) => {
    expect(parseImageReference(ref)).toEqual({ ok: false, error: { code: 'invalid-reference', message: 'invalid reference format' } })
  })

  it.each([
    ['Nginx', 'library/Nginx'],
    ['NGINX:latest', 'library/NGINX'],
    ['myorg/App', 'myorg/App'],
    ['registry.example.com/Team/app', 'Team/app'],
  ])('%s must be lowercase (%s)', (ref, shown) => {
    const r = parseImageReference(ref)
    expect(r.ok ? '' : r.error.message).toBe(`invalid reference format: repository name (${shown}) must be lowercase`)
  })
})
