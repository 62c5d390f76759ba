// `npm run bench:sim`: build a world of H hosts × C containers (half on one swarm overlay, half on a per-host user
// bridge, some publishing ports) through applyCommand, then trace P probes. Prints the cost per probe, the
// 50 × 200 + 10,000-probe time, and how the time grows when the work grows 10× (target: at most 12×).
import { performance } from 'node:perf_hooks'
import { applyCommand, createWorld, runProbe, ScenarioSchema, type World } from '../index'

type Sizes = { hosts: number; perHost: number; probes: number }

function buildWorld({ hosts, perHost }: Sizes): { world: World; steps: number } {
  const scenario = ScenarioSchema.parse({
    lans: [{ name: 'dc', subnet: '10.100.0.0/16', gateway: '10.100.0.1' }],
    hosts: [
      ...Array.from({ length: hosts }, (_, i) => ({ name: `node${i}`, docker: true, nics: [{ name: 'eth0', lan: 'dc', ip: `10.100.${1 + Math.floor(i / 250)}.${(i % 250) + 1}` }] })),
      { name: 'client', docker: false, nics: [{ name: 'eth0', lan: 'dc', ip: '10.100.200.1' }] },
    ],
  })
  let world = createWorld(scenario)
  let steps = 0
  const apply = (host: string, line: string) => {
    const r = applyCommand(world, host, line)
    if (!r.result.ok) throw new Error(`${host}: ${line}: ${r.result.error}`)
    world = r.world
    steps++
  }
  apply('node0', 'docker swarm init')
  for (let h = 1; h < hosts; h++) apply(`node${h}`, 'docker swarm join --token SWMTKN-1-WORKER 10.100.1.1:2377')
  apply('node0', 'docker network create -d overlay --attachable --subnet 10.200.0.0/16 mesh')
  for (let h = 0; h < hosts; h++) {
    apply(`node${h}`, 'docker network create app')
    for (let c = 0; c < perHost; c++) {
      const image = c % 2 === 0 ? 'nginx' : 'redis'
      if (c % 2 === 0) apply(`node${h}`, `docker run -d --name o${h}x${c} --network mesh ${image}`)
      else apply(`node${h}`, `docker run -d --name b${h}x${c} --network app ${c % 10 === 1 ? `-p ${8000 + c}:6379 ` : ''}${image}`)
    }
  }
  return { world, steps }
}

function probes(world: World, { hosts, perHost, probes: count }: Sizes): number {
  let delivered = 0
  for (let i = 0; i < count; i++) {
    const h = i % hosts
    const peer = (h + 1 + (i % 7)) % hosts
    const c = (i * 2) % perHost
    const kind = i % 10
    const r =
      kind < 4
        ? runProbe(world, `node${h}`, `docker exec o${h}x${c} curl http://o${peer}x${c}`)
        : kind < 7
          ? runProbe(world, `node${h}`, `docker exec b${h}x${c + 1} ping -c 1 172.18.0.${2 + ((i >> 3) % 50)}`)
          : runProbe(world, 'client', `curl http://10.100.${1 + Math.floor(h / 250)}.${(h % 250) + 1}:${8001 + 10 * (i % Math.max(1, Math.floor(perHost / 10)))}`)
    if (r.outcome === 'delivered') delivered++
  }
  return delivered
}

type Measure = { buildMs: number; traceMs: number; cpuMs: number; steps: number; delivered: number; heapMB: number }

// Wall time and this process's CPU time: on a shared, loaded machine the CPU time is the fairer figure.
function measure(sizes: Sizes): Measure {
  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  const { world, steps } = buildWorld(sizes)
  const t1 = performance.now()
  const delivered = probes(world, sizes)
  const t2 = performance.now()
  const cpu = process.cpuUsage(cpu0)
  // Read after the clocks stop, while the world is still referenced: the heap the GC has to keep (and copy) for it.
  const heapMB = world.hosts.size > 0 ? process.memoryUsage().heapUsed / 1e6 : 0
  return { buildMs: t1 - t0, traceMs: t2 - t1, cpuMs: (cpu.user + cpu.system) / 1000, steps, delivered, heapMB }
}

const base: Sizes = { hosts: 50, perHost: 200, probes: 10_000 }
const grown: Sizes = { hosts: 500, perHost: 200, probes: 100_000 }
measure(base) // warm-up run: the figures below are for JIT-compiled code, as in a long-lived browser tab
const a = measure(base)
const b = measure(grown)
const total = (m: { buildMs: number; traceMs: number }) => m.buildMs + m.traceMs
const fmt = (ms: number) => `${ms.toFixed(0)} ms`
process.stdout.write(
  [
    `cost per probe: ${((a.traceMs * 1000) / base.probes).toFixed(1)} µs (${base.probes} probes, ${a.delivered} delivered)`,
    `50 hosts × 200 containers: build ${fmt(a.buildMs)} (${a.steps} steps) + ${base.probes} probes ${fmt(a.traceMs)} = ${fmt(total(a))} wall, ${fmt(a.cpuMs)} CPU (target < 1000 ms)`,
    `10× work (500 hosts × 200 containers, ${grown.probes} probes): build ${fmt(b.buildMs)} + trace ${fmt(b.traceMs)} = ${fmt(total(b))} wall, ${fmt(b.cpuMs)} CPU`,
    `growth for 10× work: ${(total(b) / total(a)).toFixed(1)}× wall, ${(b.cpuMs / a.cpuMs).toFixed(1)}× CPU (target ≤ 12×)`,
    `heap used with the world built: ${a.heapMB.toFixed(0)} MB (50 hosts), ${b.heapMB.toFixed(0)} MB (500 hosts, ${((b.heapMB * 1e6) / (grown.hosts * grown.perHost) / 1024).toFixed(1)} KB per container)`,
  ].join('\n') + '\n',
)
