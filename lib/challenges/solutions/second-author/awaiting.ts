// Second-author cases the grader still judges wrong only because of a known simulator gap, with the gap named. The
// test asserts each one is still judged wrong, so it fails the day the gap closes: then delete the entry. Every other
// case must be judged as its author filed it. By challenge id, then case name. Empty since the issue-11 §3 fidelity
// work landed (docker rename, iptables -R, conntrack behind a router, vepa, iproute2 word orders, ip route replace).
// Server-only, like the rest of lib/challenges/solutions/.

export const AWAITING: Readonly<Record<string, Readonly<Record<string, string>>>> = {}
