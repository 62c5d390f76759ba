// The sandbox's starting worlds (issue 4): single host, host + LAN laptop, two swarm nodes, host on a LAN behind a
// home router with the internet beyond. Scenario inputs, validated by ScenarioSchema when a preset is loaded.
import { ScenarioSchema, type Scenario } from '@/simulator'

const office = { name: 'office', subnet: '10.77.0.0/24', gateway: '10.77.0.1' }
const host = (name: string, ip: string, docker = true) => ({ name, docker, nics: [{ name: 'eth0', lan: 'office', ip }] })

const RAW = {
  'single-host': { title: 'Single host', world: { lans: [office], hosts: [host('host1', '10.77.0.10')] } },
  'host-and-laptop': { title: 'Host + LAN laptop', world: { lans: [office], hosts: [host('host1', '10.77.0.10'), host('laptop', '10.77.0.50', false)] } },
  'two-swarm-nodes': {
    title: 'Two swarm nodes',
    world: {
      lans: [office],
      hosts: [host('node1', '10.77.0.11'), host('node2', '10.77.0.12'), host('laptop', '10.77.0.50', false)],
      steps: [{ on: 'node1', run: 'docker swarm init --advertise-addr 10.77.0.11' }, { on: 'node2', run: 'docker swarm join --token SWMTKN-1-WORKER 10.77.0.11:2377' }],
    },
  },
  'home-router': {
    title: 'Host on a LAN with a home router',
    world: {
      lans: [{ name: 'home', subnet: '192.168.1.0/24', gateway: '192.168.1.1' }],
      hosts: [
        { name: 'nas', docker: true, nics: [{ name: 'eth0', lan: 'home', ip: '192.168.1.10' }] },
        { name: 'laptop', docker: false, nics: [{ name: 'wlan0', lan: 'home', ip: '192.168.1.50' }] },
      ],
      routers: [{ name: 'router', lan: 'home', ip: '192.168.1.1', publicIp: '203.0.113.10', forwards: [{ port: 80, to: '192.168.1.10', toPort: 8080 }] }],
      internet: [{ name: 'phone', ip: '198.51.100.7' }],
    },
  },
} as const

export type PresetId = keyof typeof RAW
export type Preset = { id: PresetId; title: string; world: Scenario }

export const PRESETS: readonly Preset[] = (Object.keys(RAW) as PresetId[]).map((id) => ({ id, title: RAW[id].title, world: ScenarioSchema.parse(RAW[id].world) }))

export function findPreset(id: string | undefined): Preset {
  return PRESETS.find((p) => p.id === id) ?? (PRESETS[1] as Preset)
}
