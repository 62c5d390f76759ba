// strerror(3) for the few errno values a network client reports, in the two C libraries the course's clients use:
// glibc (Debian hosts and Debian-based images) and musl (alpine). musl words several differently
// (musl src/errno/__strerror.h; glibc's sysdeps errlist), and learners copy these lines into search engines.
// Which of ENETUNREACH and EHOSTUNREACH an unreachable probe met is its reason's errno (reason.ts).

export type Libc = 'musl' | 'glibc'
export type Errno = 'ECONNREFUSED' | 'ETIMEDOUT' | 'EHOSTUNREACH' | 'ENETUNREACH' | 'ECONNRESET'

const TEXT: Readonly<Record<Errno, Readonly<Record<Libc, string>>>> = {
  ECONNREFUSED: { glibc: 'Connection refused', musl: 'Connection refused' },
  ETIMEDOUT: { glibc: 'Connection timed out', musl: 'Operation timed out' },
  EHOSTUNREACH: { glibc: 'No route to host', musl: 'Host is unreachable' },
  ENETUNREACH: { glibc: 'Network is unreachable', musl: 'Network unreachable' },
  ECONNRESET: { glibc: 'Connection reset by peer', musl: 'Connection reset by peer' },
}

export function errnoText(libc: Libc, errno: Errno): string {
  return TEXT[errno][libc]
}
