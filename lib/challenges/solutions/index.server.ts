// Reference solutions and near misses, by challenge id. Server-only: the reference is revealed to a learner only
// through the attempts API, after a failed check, and the near misses exist for the grading test.
import 'server-only'
import { connectTwoApps } from './connect-two-apps'
import { containersByName } from './containers-by-name'
import { exposeNginx8080 } from './expose-nginx-8080'
import { internalDbNetwork } from './internal-db-network'
import { macvlanOnLan } from './macvlan-on-lan'
import { webAndPrivateDb } from './web-and-private-db'
import { dockerUserBlockScanner } from './docker-user-block-scanner'
import { routerForwardToWeb } from './router-forward-to-web'
import { webPublicDbPrivate } from './web-public-db-private'
import { overlayAcrossHosts } from './overlay-across-hosts'
import { routingMeshBothNodes } from './routing-mesh-both-nodes'
import { overlayVxlanFirewall } from './overlay-vxlan-firewall'
import { macvlanIpRange } from './macvlan-ip-range'
import { macvlanHostShim } from './macvlan-host-shim'
import { macvlanVlanParent } from './macvlan-vlan-parent'
import { publishLocalhostOnly } from './publish-localhost-only'
import { publishOnOneLan } from './publish-on-one-lan'
import { portConflictSecondWeb } from './port-conflict-second-web'
import { publishDynamicPort } from './publish-dynamic-port'
import { publishUdpDns } from './publish-udp-dns'
import { dockerUserBlockLaptop } from './docker-user-block-laptop'
import { dockerUserAllowOne } from './docker-user-allow-one'
import { hostNetworkWeb } from './host-network-web'
import { hostModePublishTrap } from './host-mode-publish-trap'
import { noNetworkAtAll } from './no-network-at-all'
import { defaultBridgeNoDns } from './default-bridge-no-dns'
import { reviewFixPublishedWeb } from './review-fix-published-web'
import { reviewHostVsBridge } from './review-host-vs-bridge'
import { reviewMacvlanDhcpClash } from './review-macvlan-dhcp-clash'
import type { ChallengeSolutions } from './types'

export type { ChallengeSolutions } from './types'

export const SOLUTIONS: Readonly<Record<string, ChallengeSolutions>> = {
  'macvlan-ip-range': macvlanIpRange,
  'macvlan-host-shim': macvlanHostShim,
  'macvlan-vlan-parent': macvlanVlanParent,
  'overlay-across-hosts': overlayAcrossHosts,
  'routing-mesh-both-nodes': routingMeshBothNodes,
  'overlay-vxlan-firewall': overlayVxlanFirewall,
  'docker-user-block-scanner': dockerUserBlockScanner,
  'router-forward-to-web': routerForwardToWeb,
  'web-public-db-private': webPublicDbPrivate,
  'connect-two-apps': connectTwoApps,
  'containers-by-name': containersByName,
  'expose-nginx-8080': exposeNginx8080,
  'internal-db-network': internalDbNetwork,
  'macvlan-on-lan': macvlanOnLan,
  'web-and-private-db': webAndPrivateDb,
  'publish-localhost-only': publishLocalhostOnly,
  'publish-on-one-lan': publishOnOneLan,
  'port-conflict-second-web': portConflictSecondWeb,
  'publish-dynamic-port': publishDynamicPort,
  'publish-udp-dns': publishUdpDns,
  'docker-user-block-laptop': dockerUserBlockLaptop,
  'docker-user-allow-one': dockerUserAllowOne,
  'host-network-web': hostNetworkWeb,
  'host-mode-publish-trap': hostModePublishTrap,
  'no-network-at-all': noNetworkAtAll,
  'default-bridge-no-dns': defaultBridgeNoDns,
  'review-fix-published-web': reviewFixPublishedWeb,
  'review-host-vs-bridge': reviewHostVsBridge,
  'review-macvlan-dhcp-clash': reviewMacvlanDhcpClash,
}

export function getSolutions(challengeId: string): ChallengeSolutions | undefined {
  return Object.hasOwn(SOLUTIONS, challengeId) ? SOLUTIONS[challengeId] : undefined
}
