// The domain's vocabulary: the words a misspelling may be read as. A learner's "kernal", "iptable", "maclan",
// "adress" or "netwrok" is read as the word meant, but only for these words (long enough that one slip does not land
// on another English word, see phrase-match.ts), and never when the word as written is itself one of them:
// "router" is not a misspelt "route", "ipvlan" is not a misspelt "macvlan".
import { toStem } from './text'

const DOMAIN_WORDS = [
  // Linux networking
  'address', 'addresses', 'bridge', 'bridged', 'broadcast', 'conntrack', 'connection', 'container', 'containers',
  'daemon', 'decapsulate', 'decapsulation', 'destination', 'device', 'docker', 'dockerd', 'encapsulate',
  'encapsulation', 'ethernet', 'firewall', 'forward', 'forwarding', 'gateway', 'hardware', 'interface', 'internet',
  'iptables', 'ipvlan', 'isolated', 'isolation', 'kernel', 'latency', 'macvlan', 'masquerade', 'multicast',
  'namespace', 'netfilter', 'network', 'networking', 'nftables', 'overhead', 'overlay', 'packet', 'packets',
  'parent', 'performance', 'physical', 'postrouting', 'prerouting', 'private', 'promiscuous', 'protocol', 'proxy',
  'publish', 'published', 'publishing', 'reachable', 'router', 'routing', 'separate', 'separately', 'server',
  'subnet', 'switch', 'throughput', 'traffic', 'translate', 'translation', 'tunnel', 'userland', 'virtual',
  'visible',
  // orchestration
  'calico', 'cilium', 'cluster', 'flannel', 'geneve', 'kubelet', 'kubernetes', 'orchestrator', 'plugin', 'service',
  'swarm', 'weave',
  // words the answers lean on
  'collision', 'conflict', 'conflicts', 'directly', 'exposed', 'exposure', 'identity', 'legacy', 'licence',
  'license', 'mapping', 'different', 'communicate', 'communication', 'across', 'between', 'machine', 'computer',
  'system', 'operating', 'outside', 'inside', 'receive', 'arrive', 'intercept', 'process', 'rewrite', 'cable',
  'unique', 'appear', 'faster', 'slower', 'privacy', 'public', 'default', 'several', 'multiple', 'encrypt',
  'encryption', 'schedule', 'scheduled', 'independent', 'standalone', 'directly', 'through', 'translation', 'monitoring', 'native', 'reservation', 'response', 'security', 'secure', 'replies',
  // found by misspelling every long word of the tuning answers one letter at a time
  // ("change" and "treats" are left out: "chance" and "threats" are one letter away)
  'incoming', 'connect', 'connects', 'number', 'sharing', 'walled', 'distinct', 'building', 'expect', 'assume',
  'checks', 'unpack', 'unwrap', 'wrapping', 'storage',
]

export const DOMAIN_STEMS: ReadonlySet<string> = new Set(DOMAIN_WORDS.map(toStem))
/** The same words as written: a typo can cut a stem too short to compare ("shaing" → "sha"), never the word. */
export const DOMAIN_FORMS: ReadonlySet<string> = new Set(DOMAIN_WORDS)
