/**
 * The image catalog the test bed imports into every engine: one busybox root filesystem, imported under the
 * names scenarios use, each with the default command of the real image's role. Servers answer HTTP on the
 * image's port with `pp-answer container=<64-hex id> host=<engine host> port=<p>` so a probe tells who
 * answered (the ID is read from the container's own mountinfo, so it works under --network host too).
 */
import { chmodSync, mkdirSync, symlinkSync, writeFileSync, copyFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { mustExec } from './exec'

export const BUSYBOX = '/usr/bin/busybox'

/** Image name → TCP ports its server listens on; an empty list means the default command is `sh` (exits at once under -d). */
export const IMAGE_PORTS: Readonly<Record<string, readonly number[]>> = {
  nginx: [80],
  httpd: [80],
  'traefik/whoami': [80],
  redis: [6379],
  postgres: [5432],
  mysql: [3306],
  alpine: [],
  busybox: [],
}

const APPLETS = ['sh', 'wget', 'ping', 'nslookup', 'httpd', 'grep', 'cut', 'head', 'hostname', 'cat', 'echo', 'sleep', 'timeout', 'ip', 'ls', 'mkdir', 'ps', 'nc', 'true', 'env', 'ifconfig', 'route']

// Traps TERM so `docker stop` returns at once instead of waiting 10 s for a PID 1 that ignores signals.
const SERVE_SCRIPT = `#!/bin/sh
id=$(grep -o 'containers/[0-9a-f]\\{64\\}' /proc/self/mountinfo | head -n 1 | cut -c12-)
for p in "$@"; do
  mkdir -p /www/$p
  echo "pp-answer container=$id host=$PP_HOST port=$p" > /www/$p/index.html
  # Like nginx, give up when the port is taken (e.g. a second server under --network host).
  httpd -p $p -h /www/$p || exit 1
done
trap 'exit 0' TERM INT
while :; do sleep 3600 & wait $!; done
`

/** Builds the shared root filesystem tarball once per run; returns its path. */
export async function buildRootfsTar(workDir: string): Promise<string> {
  const root = join(workDir, 'rootfs')
  const tar = join(workDir, 'rootfs.tar')
  if (existsSync(tar)) return tar
  for (const d of ['bin', 'etc', 'tmp', 'proc', 'sys', 'dev', 'www', 'root']) mkdirSync(join(root, d), { recursive: true })
  copyFileSync(BUSYBOX, join(root, 'bin', 'busybox'))
  chmodSync(join(root, 'bin', 'busybox'), 0o755)
  for (const a of APPLETS) symlinkSync('busybox', join(root, 'bin', a))
  writeFileSync(join(root, 'bin', 'pp-serve'), SERVE_SCRIPT, { mode: 0o755 })
  writeFileSync(join(root, 'etc', 'passwd'), 'root:x:0:0:root:/root:/bin/sh\n')
  writeFileSync(join(root, 'etc', 'group'), 'root:x:0:\n')
  await mustExec(['tar', '-C', root, '-cf', tar, '.'])
  return tar
}

/** Imports every catalog image into one engine, baking in the engine's host name. */
export async function importImages(docker: readonly string[], tar: string, hostName: string): Promise<void> {
  await Promise.all(
    Object.entries(IMAGE_PORTS).map(([name, ports]) => {
      const cmd = ports.length > 0 ? ['/bin/pp-serve', ...ports.map(String)] : ['sh']
      // EXPOSE as in the real images, so `-P` has something to publish.
      const expose = ports.flatMap((p) => ['-c', `EXPOSE ${p}`])
      const changes = ['-c', `ENV PP_HOST=${hostName}`, '-c', 'ENV PATH=/bin', '-c', `CMD ${JSON.stringify(cmd)}`, ...expose]
      return mustExec([...docker, 'import', ...changes, tar, `${name}:latest`], { timeoutMs: 60_000 })
    }),
  )
}
