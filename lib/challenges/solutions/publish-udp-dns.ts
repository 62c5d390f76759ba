import type { ChallengeSolutions } from './types'

const on = 'host1'
const dns = (publish: string) => [{ on, run: `docker run -d --name dns ${publish} coredns/coredns` }]

export const publishUdpDns: ChallengeSolutions = {
  reference: dns('-p 1053:53/udp'),
  nearMisses: [
    {
      name: 'TCP only (no /udp)',
      commands: dns('-p 1053:53'),
      failsBecause: 'a -p mapping without /udp is TCP, so host1 answers the UDP datagram with ICMP port unreachable',
    },
    {
      name: 'TCP only, spelled out',
      commands: dns('-p 1053:53/tcp'),
      failsBecause: '/tcp publishes TCP only; UDP to 1053 has no DNAT rule',
    },
    {
      name: 'host and container ports swapped',
      commands: dns('-p 53:1053/udp'),
      failsBecause: 'host port 53 is published (to container port 1053, where coredns does not listen), not host port 1053',
    },
    {
      name: 'the mDNS port instead of 1053',
      commands: dns('-p 5353:53/udp'),
      failsBecause: 'host port 5353 is published, not 1053; on a real desktop avahi often holds 5353 (mDNS) anyway',
    },
    {
      name: 'published on loopback only',
      commands: dns('-p 127.0.0.1:1053:53/udp'),
      failsBecause: 'the port exists on 127.0.0.1 only, so the laptop\'s datagram to 10.77.0.10 finds no listener',
    },
    {
      name: 'host network',
      commands: [{ on, run: 'docker run -d --name dns --network host coredns/coredns' }],
      failsBecause: 'coredns listens on host1\'s port 53, not 1053, and --network host is forbidden here',
    },
  ],
}
