import { describe, expect, it } from 'vitest'
import { parseIptablesCommand } from './iptables-command'

describe('iptables listings', () => {
  it.each([
    ['iptables -L', { table: 'filter', chain: null, style: 'table', numeric: false, verbose: false, lineNumbers: false }],
    ['iptables -S', { table: 'filter', chain: null, style: 'rules' }],
    ['iptables -S DOCKER-USER', { chain: 'DOCKER-USER', style: 'rules' }],
    ['iptables -nL', { style: 'table', numeric: true }],
    ['iptables -nvL DOCKER-USER', { chain: 'DOCKER-USER', numeric: true, verbose: true }],
    ['iptables -L -n --line-numbers', { numeric: true, lineNumbers: true }],
    ['iptables -L FORWARD -n -v --line-numbers', { chain: 'FORWARD', numeric: true, verbose: true, lineNumbers: true }],
    ['iptables -t nat -nL DOCKER', { table: 'nat', chain: 'DOCKER', numeric: true }],
    ['iptables -tnat -S', { table: 'nat', style: 'rules' }],
    ['iptables --list-rules INPUT', { chain: 'INPUT', style: 'rules' }],
    ['iptables -t filter --list --numeric', { table: 'filter', style: 'table', numeric: true }],
    ['iptables -L', { rule: null }],
    ['iptables -L DOCKER-USER 1', { chain: 'DOCKER-USER', style: 'table', rule: 1 }],
    ['iptables -S DOCKER-USER 2', { chain: 'DOCKER-USER', style: 'rules', rule: 2 }],
    ['iptables -L FORWARD 3 -n --line-numbers', { chain: 'FORWARD', rule: 3, numeric: true, lineNumbers: true }],
  ])('%s', (line, fields) => {
    const r = parseIptablesCommand(line)
    expect(r).toEqual({ ok: true, value: expect.objectContaining({ kind: 'list', ...fields }) })
  })

  it.each([
    ['iptables -t raw -L', 'the simulator lists only the filter and nat tables, not "raw"'],
    ['iptables -t nosuch -L', "can't initialize iptables table `nosuch': Table does not exist"],
    ['iptables -L -S', "Illegal option `-S' with this command"],
    ['iptables -L INPUT FORWARD', "Invalid rule number `FORWARD'"],
    ['iptables -S DOCKER-USER 0', "Invalid rule number `0'"],
    ['iptables -L DOCKER-USER 1 2', "Bad argument `2'"],
    ['iptables -L --bogus', 'unknown option "--bogus"'],
  ])('%s is refused', (line, message) => {
    const r = parseIptablesCommand(line)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.message).toContain(message)
  })
})

describe('iptables -D CHAIN N', () => {
  it('is a delete by number', () => {
    expect(parseIptablesCommand('iptables -D DOCKER-USER 2')).toEqual({ ok: true, value: { kind: 'delete-number', chain: 'DOCKER-USER', number: 2 } })
  })

  it('refuses rule number 0', () => {
    const r = parseIptablesCommand('iptables -D INPUT 0')
    expect(r.ok ? '' : r.error.message).toContain("Invalid rule number `0'")
  })

  it('still deletes by match when the rule is spelled out', () => {
    const r = parseIptablesCommand('iptables -D DOCKER-USER -s 192.0.2.66 -j DROP')
    expect(r.ok && r.value.kind).toBe('delete')
  })
})
