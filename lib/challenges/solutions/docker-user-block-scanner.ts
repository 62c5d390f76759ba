import type { ChallengeSolutions } from './types'

const on = 'host1'
const web = { on, run: 'docker run -d --name web -p 8080:80 nginx' }

export const dockerUserBlockScanner: ChallengeSolutions = {
  reference: [web, { on, run: 'iptables -I DOCKER-USER -s 192.0.2.66 -j DROP' }],
  nearMisses: [
    {
      name: 'rule in INPUT',
      commands: [web, { on, run: 'iptables -I INPUT -s 192.0.2.66 -j DROP' }],
      failsBecause: 'after DNAT the packet is forwarded to the container, so INPUT never sees it',
    },
    {
      name: 'ufw deny',
      commands: [web, { on, run: 'ufw deny 8080' }],
      failsBecause: 'ufw writes INPUT rules, which published ports bypass',
    },
    {
      name: 'DOCKER-USER matching the host port',
      commands: [web, { on, run: 'iptables -I DOCKER-USER -s 192.0.2.66 -p tcp --dport 8080 -j DROP' }],
      failsBecause: 'DOCKER-USER sees the packet after DNAT, when its destination port is already 80',
    },
    {
      name: 'DOCKER-USER without a source',
      commands: [web, { on, run: 'iptables -I DOCKER-USER -p tcp --dport 80 -j DROP' }],
      failsBecause: 'it drops every client, the phone and the laptop too',
    },
    {
      name: 'appended to FORWARD',
      commands: [web, { on, run: 'iptables -A FORWARD -s 192.0.2.66 -j DROP' }],
      failsBecause: "an appended FORWARD rule comes after Docker's ACCEPT for the published port",
    },
    {
      name: 'rejected instead of dropped',
      commands: [web, { on, run: 'iptables -I DOCKER-USER -s 192.0.2.66 -j REJECT' }],
      failsBecause: 'REJECT answers the scanner with "connection refused" instead of the silent drop the goal asks for',
    },
  ],
}
