import { describe, expect, it } from 'vitest'
import { formatExecNotFound, formatRunNotFound, imageLacksTool, toolsOfImage } from './image-tools'

describe('imageLacksTool', () => {
  it.each([
    ['nginx', 'ping', true],
    ['nginx', 'curl', false],
    ['nginx', 'wget', true],
    ['docker.io/library/nginx:1.29', 'nc', true],
    ['nginx:1.29-alpine', 'ping', false],
    ['nginx:alpine', 'curl', false],
    ['postgres', 'curl', true],
    ['postgres:16-alpine', 'wget', false],
    ['redis', 'nc', true],
    ['httpd', 'ping', true],
    ['mariadb', 'nslookup', true],
    ['mysql', 'curl', false],
    ['mysql:8.4', 'ping', true],
    ['alpine', 'curl', true],
    ['alpine:3.20', 'wget', false],
    ['busybox', 'nc', false],
    ['busybox', 'netcat', false],
    ['traefik', 'nslookup', false],
    ['traefik/whoami', 'wget', true],
    ['coredns/coredns', 'nslookup', true],
    ['debian', 'ping', true],
    ['ubuntu:24.04', 'curl', true],
    ['nicolaka/netshoot', 'curl', false],
    ['nicolaka/netshoot', 'nc', false],
    // Unknown images and programs: the simulator does not invent a failure.
    ['myorg/app:1.0', 'ping', false],
    ['nginx', 'sh', false],
  ] as const)('%s lacks %s: %s', (image, program, lacks) => {
    expect(imageLacksTool(image, program)).toBe(lacks)
  })

  it('knows no tools for an unknown image', () => {
    expect(toolsOfImage('ghcr.io/acme/api@sha256:abc')).toBeNull()
  })
})

describe('the runtime errors', () => {
  it('words docker exec and docker run as runc and the CLI print them', () => {
    expect(formatExecNotFound('ping')).toBe('OCI runtime exec failed: exec failed: unable to start container process: exec: "ping": executable file not found in $PATH: unknown')
    expect(formatRunNotFound('curl')).toBe(
      'docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "curl": executable file not found in $PATH: unknown.',
    )
  })
})
