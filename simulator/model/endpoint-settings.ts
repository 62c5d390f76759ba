// The daemon's per-endpoint checks for --ip and --network-alias on the predefined networks (facts 13), with the
// wrapping dockerd v25+ puts around them: validateEndpointSettings (daemon/container_operations.go) joins every
// problem under "invalid endpoint settings:" and a newline, and at create time validateNetworkingConfig
// (daemon/create.go) adds "invalid config for network NAME: " in front.
import type { Ipv4 } from '../parse/ip'
import { err, ok, type Result } from '../result'
import type { Network } from './types'

const IP_ON_PREDEFINED = 'user-specified IP address is supported on user-defined networks only'
const ALIAS_ON_PREDEFINED = 'network-scoped aliases are only supported for user-defined networks'

// moby's internal/multierror.Join: one error prints as itself, several as a "* " list, one per line.
function joinErrors(errs: readonly string[]): string {
  return errs.length === 1 ? (errs[0] as string) : `* ${errs.join('\n* ')}`
}

/** `at` is 'create' for docker run/create (validateNetworkingConfig wraps the text) and 'connect' otherwise. */
export function validateEndpointSettings(net: Network, ip: Ipv4 | null, aliases: readonly string[], at: 'create' | 'connect'): Result<null> {
  if (!net.predefined) return ok(null)
  const errs: string[] = []
  if (ip !== null) errs.push(IP_ON_PREDEFINED)
  if (aliases.length > 0) errs.push(ALIAS_ON_PREDEFINED)
  if (errs.length === 0) return ok(null)
  const code = ip !== null ? 'ip-on-default' : 'alias-on-default'
  const settings = `invalid endpoint settings:\n${joinErrors(errs)}`
  return err(code, at === 'create' ? `invalid config for network ${net.name}: ${settings}` : settings)
}
