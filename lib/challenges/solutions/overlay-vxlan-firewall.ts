import type { ChallengeSolutions } from './types'

export const overlayVxlanFirewall: ChallengeSolutions = {
  reference: [{ on: 'host1', run: 'iptables -D INPUT -p udp --dport 4789 -j DROP' }],
  nearMisses: [
    {
      name: 'ACCEPT appended after the DROP',
      commands: [{ on: 'host1', run: 'iptables -A INPUT -p udp --dport 4789 -j ACCEPT' }],
      failsBecause: 'the first matching rule wins: the DROP at position 1 still catches udp/4789',
    },
    {
      name: 'rule removed on the wrong host',
      commands: [{ on: 'host2', run: 'iptables -D INPUT -p udp --dport 4789 -j DROP' }],
      failsBecause: 'the DROP is on host1, the node that receives the VXLAN packets',
    },
    {
      name: 'TCP instead of UDP',
      commands: [{ on: 'host1', run: 'iptables -I INPUT -p tcp --dport 4789 -j ACCEPT' }],
      failsBecause: 'VXLAN is UDP; an ACCEPT for tcp/4789 does not match',
    },
    {
      name: 'opened the control-plane ports instead',
      commands: [
        { on: 'host1', run: 'iptables -I INPUT -p tcp --dport 2377 -j ACCEPT' },
        { on: 'host1', run: 'iptables -I INPUT -p udp --dport 7946 -j ACCEPT' },
      ],
      failsBecause: '2377 and 7946 carry management and gossip; container data travels on udp/4789',
    },
    {
      name: 'ACCEPT in DOCKER-USER',
      commands: [{ on: 'host1', run: 'iptables -I DOCKER-USER -p udp --dport 4789 -j ACCEPT' }],
      failsBecause: 'the VXLAN packet is addressed to host1 itself, so it goes through INPUT, not FORWARD/DOCKER-USER',
    },
    {
      name: 'moved api to host2',
      commands: [
        { on: 'host1', run: 'docker rm -f api' },
        { on: 'host2', run: 'docker run -d --name api --network appnet nginx' },
      ],
      failsBecause: 'the constraint keeps api on host1: the path between the hosts must be repaired',
    },
  ],
}
