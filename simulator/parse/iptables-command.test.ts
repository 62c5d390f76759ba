import { describe, expect, it } from 'vitest'
import { parseIptablesCommand } from './iptables-command'

describe('iptables commands the simulator does not model', () => {
  it.each([
    ['iptables -P FORWARD ACCEPT', "iptables -P: changing a chain's policy is not modelled in this simulator"],
    ['iptables -P INPUT DROP', "iptables -P: changing a chain's policy is not modelled in this simulator"],
    ['iptables -t filter --policy OUTPUT DROP', "iptables --policy: changing a chain's policy is not modelled"],
    ['iptables -Z', 'iptables -Z: the simulator keeps no packet counters'],
    ['iptables -Z FORWARD', 'iptables -Z: the simulator keeps no packet counters'],
    ['iptables -N LOGDROP', 'iptables -N: chains of your own are not modelled in this simulator'],
    ['iptables -X LOGDROP', 'iptables -X: chains of your own are not modelled'],
    ['iptables -E LOGDROP MYDROP', 'iptables -E: chains of your own are not modelled'],
  ])('%s says plainly that it is not modelled', (line, message) => {
    const r = parseIptablesCommand(line)
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.error.message.startsWith(message)).toBe(true)
      expect(r.error.message).not.toContain('unknown option')
    }
  })

  it('still parses the modelled forms', () => {
    const r = parseIptablesCommand('iptables -I DOCKER-USER 2 -s 10.0.0.1 -j DROP')
    expect(r.ok && r.value.kind === 'insert' ? r.value.position : null).toBe(2)
  })

  it('takes the rule number after the long --insert too, as iptables does', () => {
    const r = parseIptablesCommand('iptables --insert DOCKER-USER 1 --in-interface eth0 --source 10.77.0.50 --jump DROP')
    expect(r.ok && r.value.kind === 'insert' ? [r.value.position, r.value.rule.target, r.value.rule.match.src?.text, r.value.rule.match.inIf] : r).toEqual([1, 'DROP', '10.77.0.50/32', 'eth0'])
  })

  it('still refuses an unknown option with iptables\' own words', () => {
    const r = parseIptablesCommand('iptables -A INPUT --bogus -j DROP')
    expect(r.ok ? '' : r.error.message).toContain('unknown option "--bogus"')
  })
})
