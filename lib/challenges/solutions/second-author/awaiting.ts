// Second-author cases the grader still judges wrong only because of a simulator gap that helper "simfid" is fixing
// (issue 11, section 3). The test asserts each one is still judged wrong, so it fails the day the gap closes: then
// delete the entry. Every other case must be judged as its author filed it. By challenge id, then case name.
// Server-only, like the rest of lib/challenges/solutions/.

const RENAME = 'simfid: docker rename'
const REPLACE = 'simfid: iptables -R'

export const AWAITING: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'connect-two-apps': { 'started under a temp name, renamed, then connected': RENAME },
  'default-bridge-no-dns': { 'app renamed into place': RENAME },
  'docker-user-allow-one': { 'replace DOCKER-USER rule 1 in place': REPLACE },
  'docker-user-block-laptop': { 'replace rule 1 in place': REPLACE },
  'docker-user-block-scanner': {
    'conntrack original port': 'simfid: conntrack --ctorigdstport behind a router (host1 sees 8080, not the router\'s 80)',
    'wrong original port in conntrack': 'simfid: conntrack --ctorigdstport behind a router (host1 sees 8080, not the router\'s 80)',
  },
  'expose-nginx-8080': { 'started under another name then renamed': RENAME },
  'host-mode-publish-trap': { 'old renamed and stopped': RENAME },
  'host-network-web': { renamed: RENAME },
  'macvlan-host-shim': {
    'shim0 with name-first syntax and src hint': 'simfid: iproute2 keyword orders (ip link add link eth0 name shim0 …, ip link set dev …); also `ip address add` and `ip route add … src ADDR`',
    'bring up before addressing': 'simfid: iproute2 keyword orders; also `ip -4 addr add`',
    'route replace, scope link': 'simfid: iproute2 keyword orders (ip link set up dev mac0); also `ip route replace … scope link`',
    'typo address removed and corrected': 'simfid: iproute2; also `ip addr del` (one address per interface today)',
    'long object names': 'simfid: iproute2 keyword orders (ip link add name lan-shim link eth0 …); also `ip address add` and `ip route add … proto static`',
    'mode omitted (kernel default vepa)': 'simfid: macvlan default mode vepa',
  },
  'macvlan-ip-range': { 'renamed containers': RENAME },
  'no-network-at-all': { 'renamed into place': RENAME },
  'overlay-vxlan-firewall': { 'replace the drop with an accept': REPLACE },
  'port-conflict-second-web': { 'old api renamed and stopped': RENAME },
  'publish-dynamic-port': { 'renamed after start': RENAME },
  'publish-localhost-only': { 'old one renamed and removed': RENAME },
  'publish-on-one-lan': { 'new one first under a temp name, then swap': RENAME, 'old one renamed away then removed': RENAME },
  'review-fix-published-web': { 'old containers renamed away': RENAME },
  'review-host-vs-bridge': { 'old ones renamed and stopped': RENAME },
  'review-macvlan-dhcp-clash': { 'temp name renamed': RENAME },
  'router-forward-to-web': { 'renamed into place': RENAME },
  'web-and-private-db': { 'old web renamed and removed': RENAME },
  'web-public-db-private': { 'db renamed away and removed': RENAME },
}
