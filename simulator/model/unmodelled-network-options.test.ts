// IPv6, gateway modes and IPAM plug-ins are not modelled (the simulator is IPv4 with gateway mode nat and the
// default IPAM): the commands are accepted or refused honestly, and the terminal says what was not modelled.
import { describe, expect, it } from 'vitest'
import { lab, on1 } from '../testing'

describe('network options the simulator records but does not model', () => {
  it('accepts --ipv6 and a dual-stack --subnet pair, lists IPV6 true, and says IPv6 is not modelled', () => {
    const l = lab(on1('docker network create --ipv6 v6net', 'docker network create --ipv6 --subnet 172.30.0.0/16 --subnet fd00:db8:30::/64 dual', "docker network ls --format '{{.Name}} {{.IPv6}}'"))
    const [v6, dual, ls] = l.results
    expect(v6).toMatchObject({ ok: true, warnings: [expect.stringMatching(/^# The simulator models IPv4 only: .*ULA fd00::\/8/)] })
    expect(dual).toMatchObject({ ok: true })
    expect(ls).toMatchObject({ ok: true, output: 'bridge false\ndual true\nhost false\nnone false\nv6net true' })
    // The IPv4 subnet of the pair is the one the model uses.
    const r = lab(on1('docker network create --ipv6 --subnet 172.30.0.0/16 --subnet fd00:db8:30::/64 dual', 'docker run -d --name web --network dual nginx')).probe('host1', 'curl http://172.30.0.2')
    expect(r.answeredBy).toEqual({ host: 'host1', container: 'web', port: 80 })
  })

  it('says that gateway modes and trusted interfaces have no effect here', () => {
    const [r] = lab(on1('docker network create -o com.docker.network.bridge.gateway_mode_ipv4=routed routednet')).results
    expect(r).toMatchObject({ ok: true, warnings: [expect.stringContaining('gateway mode nat only: com.docker.network.bridge.gateway_mode_ipv4')] })
  })

  it('refuses an IPAM plug-in it does not have, and takes the default IPAM by name', () => {
    const [plugin, builtin] = lab(on1('docker network create --ipam-driver infoblox ipamnet', 'docker network create --ipam-driver default plain')).results
    expect(plugin).toMatchObject({ ok: false, error: expect.stringContaining('--ipam-driver infoblox: IPAM plug-ins are not available in this simulator') })
    expect(builtin).toMatchObject({ ok: true, warnings: [] })
  })
})
