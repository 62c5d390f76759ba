// Behaviour of the rubric on answers written for these tests (not the calibration samples): each case is one of
// the traps issue 6 lists: paraphrase, misspelling, negation, attribution, stuffing, other question, empty input.
// These grade with the rubric alone (gradeByRubric): what the reviewed answers' vote adds to an answer the rubric
// grades partial is tested in neighbours.test.ts.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compileRubric } from './claims'
import { gradeWithRubric, type Verdict } from './grade'
import { gradeByRubric } from './rubrics'
import { REVIEW_QUESTION_IDS, RubricSchema, type ReviewQuestionId } from './rubric-schema'

const Q1_GOOD =
  'The host kernel receives the packet first. Docker has added an iptables DNAT rule, so the destination host-ip:8080 ' +
  'is rewritten to the container ip:80. The kernel then forwards it over the docker0 bridge and through a veth pair ' +
  "into the container's network namespace."

describe('gradeByRubric on review-q1', () => {
  it('grades a complete answer correct, with praise and a top-band score', () => {
    const grade = gradeByRubric('review-q1', `${Q1_GOOD} Conntrack reverses the NAT on the replies.`)
    expect(grade.verdict).toBe('correct')
    expect(grade.score).toBeGreaterThanOrEqual(0.8)
    expect(grade.feedback).toHaveLength(1)
  })

  it('accepts a paraphrase without jargon for DNAT, the bridge and the veth', () => {
    const plain =
      "The machine's kernel gets the packet first. Docker's firewall rules rewrite the destination address to the " +
      "container's private address, and the kernel passes it across a virtual switch and down a virtual cable into " +
      "the container's namespace."
    expect(gradeByRubric('review-q1', plain).verdict).toBe('correct')
  })

  it('grades misspelt words like the correctly spelt ones', () => {
    const typos = Q1_GOOD.replace('iptables', 'iptabels').replace('namespace', 'namspace').replace('bridge', 'brige')
    expect(gradeByRubric('review-q1', typos)).toEqual(gradeByRubric('review-q1', Q1_GOOD))
  })

  it('lets a key point missing cost the verdict and names it with its lesson section', () => {
    const grade = gradeByRubric('review-q1', 'Docker adds an iptables DNAT rule that rewrites the destination to the container IP.')
    expect(grade.verdict).toBe('partial')
    expect(grade.feedback.some((f) => f.includes('veth') && f.endsWith('(see /lessons/container-networking-intro#virtual-vs-real-nics).'))).toBe(true)
  })

  it('flags "Docker routes every packet in user space" even when the rest is right', () => {
    const grade = gradeByRubric('review-q1', `${Q1_GOOD} The docker daemon copies every packet in user space.`)
    expect(grade.verdict).toBe('incorrect')
    expect(grade.feedback[0]).toMatch(/user space/)
  })

  it('treats a flat denial of a key point as a wrong claim, with one sentence of feedback for it', () => {
    const grade = gradeByRubric(
      'review-q3',
      'macvlan does not give the container its own MAC. Other machines reach it directly without NAT, which is useful for legacy apps.',
    )
    expect(grade.verdict).toBe('incorrect')
    expect(grade.feedback).toHaveLength(1)
    expect(grade.feedback[0]).toMatch(/^Your answer denies a true point \(own MAC/)
  })

  it('takes "does not use NAT" as the wrong claim it is', () => {
    const grade = gradeByRubric('review-q1', 'Docker does not use NAT at all; the packet goes over the docker0 bridge and the veth into the namespace.')
    expect(grade.verdict).toBe('incorrect')
  })
})

describe('gradeByRubric on review-q2: negation and attribution', () => {
  const good =
    'Host mode shares the host network stack, so there is no NAT and it is a bit faster, but there is no isolation and ports ' +
    'can clash with the host. Bridge mode gives each container its own IP in its own namespace, so it is isolated, but you ' +
    'have to publish ports with -p and NAT adds a little overhead.'

  it('grades the full trade-off correct', () => {
    expect(gradeByRubric('review-q2', good).verdict).toBe('correct')
  })

  it('treats "host mode does not share the host IP" as a wrong central claim', () => {
    const grade = gradeByRubric('review-q2', good.replace('Host mode shares', 'Host mode does not share'))
    expect(grade.verdict).toBe('incorrect')
    expect(grade.feedback[0]).toMatch(/shares the host's network namespace/)
  })

  it('credits each driver with what the sentence says about it, not with every word nearby', () => {
    const contrast =
      "Unlike bridge mode, which gives each container its own IP, host mode shares the host's IP and is faster because " +
      'there is no NAT, but it has no isolation. Bridge needs -p for every port, which adds NAT overhead.'
    expect(gradeByRubric('review-q2', contrast).verdict).toBe('correct')
  })

  it("reads the host's own address as the host's, not as the container's own", () => {
    const plain =
      "With host, the container uses the computer's own address and doors, so it's fast, but nothing separates it from " +
      'the computer and it can bump into a port already taken. With bridge it gets its own private address, safer, but ' +
      'you must open each port and the translation costs a little.'
    expect(gradeByRubric('review-q2', plain).verdict).toBe('correct')
    // near miss: the container's own address in host mode is still the wrong claim
    expect(gradeByRubric('review-q2', plain.replace("the computer's own address", "the container's own address")).verdict).toBe('incorrect')
    // macvlan borrowing the host's own ID is the host's identity, not its own
    expect(gradeByRubric('review-q3', "It's like a disguise: the container pretends to be the host, using the host's own ID, so the LAN sees one machine.").verdict).toBe('incorrect')
  })

  it('reads up and down arrows in notes as more and less', () => {
    expect(gradeByRubric('review-q2', 'host \u2192 perf\u2191 isolation\u2193 ports shared\nbridge \u2192 isolation\u2191 perf\u2193 (NAT)').verdict).toBe('correct')
    // near miss: the same arrows the wrong way round
    expect(gradeByRubric('review-q2', 'host \u2192 perf\u2193 isolation\u2191\nbridge \u2192 isolation\u2193 perf\u2191 (NAT)').verdict).toBe('incorrect')
  })

  it('catches the swapped version (host gets its own IP, bridge shares the host stack)', () => {
    const swapped =
      'Host mode gives the container its own IP and you still need -p. Bridge mode shares the host network stack so it is faster.'
    expect(gradeByRubric('review-q2', swapped).verdict).toBe('incorrect')
  })
})

describe('gradeByRubric on review-q3 and review-q4: central wrong claims from the issue', () => {
  it('rejects "macvlan containers are reached through -p/NAT"', () => {
    const grade = gradeByRubric('review-q3', 'macvlan gives the container its own MAC, and it is then reached through NAT with -p like any bridge container.')
    expect(grade.verdict).toBe('incorrect')
  })

  it('accepts direct LAN presence without NAT plus a caveat', () => {
    const grade = gradeByRubric(
      'review-q3',
      'With macvlan the container has its own MAC address and an IP on the LAN, so other machines reach it directly without NAT. ' +
        'The switch must accept several MACs per port (promiscuous mode).',
    )
    expect(grade.verdict).toBe('correct')
  })

  it('rejects "an overlay requires the hosts to be on one subnet"', () => {
    const grade = gradeByRubric(
      'review-q4',
      'The overlay spans all nodes with VXLAN so every pod gets its own IP, but it requires the hosts to be on the same subnet.',
    )
    expect(grade.verdict).toBe('incorrect')
  })

  it('grades multi-host + mechanism + consequence correct', () => {
    const grade = gradeByRubric(
      'review-q4',
      'The CNI plugin builds one network across all nodes by encapsulating pod traffic in VXLAN between the node IPs, so every pod gets its own IP and pods talk without NAT.',
    )
    expect(grade.verdict).toBe('correct')
  })
})

// Right words in a wrong claim, wrong component doing the work, paraphrases: written for this test from issue 6
// and the shared Docker networking facts, independently of the calibration samples.
const TRAPS: [ReviewQuestionId, Verdict, string][] = [
 ['review-q1','incorrect',"The host kernel receives the packet first. docker-proxy does the DNAT, rewriting the destination to the container IP, then the packet crosses docker0 and the veth into the namespace."],
 ['review-q1','incorrect',"The host kernel gets the packet. Docker encapsulates it in VXLAN, a DNAT rule in iptables rewrites the destination, and the docker0 bridge and veth pair deliver it into the namespace."],
 ['review-q1','incorrect',"A MASQUERADE rule rewrites the destination of incoming packets to the container IP; then the packet crosses the docker0 bridge and the veth into the namespace, and the host kernel handles it first."],
 ['review-q1','incorrect',"The packet reaches the host NIC. The docker0 bridge is attached to eth0 so containers sit on the LAN; iptables DNAT rewrites the destination and a veth pair carries it into the namespace."],
 ['review-q1','incorrect',"The kernel doesn't see the packet: Docker's iptables DNAT rule rewrites the destination and the packet crosses docker0 and a veth into the container namespace. Conntrack handles replies."],
 ['review-q1','correct',"Packets hit the host's network card and the kernel's netfilter applies the DNAT rule Docker wrote, changing the destination to the container's IP and port. The kernel forwards it over the bridge and a veth pair into the container's namespace; replies are un-NATed by conntrack."],
 ['review-q4','incorrect',"The overlay spans all nodes using VXLAN, but pods are NATed between nodes so they share the node's IP."],
 ['review-q4','incorrect',"kube-proxy builds the overlay: it creates VXLAN tunnels between all nodes so every pod has its own IP."],
 ['review-q4','incorrect',"Pods get IP addresses from the LAN's DHCP server; the overlay spans all nodes with VXLAN so pods can run on any node."],
 ['review-q4','incorrect',"The overlay connects all nodes and VXLAN encrypts the traffic so pods get their own IPs."],
 ['review-q4','correct',"Calico routes each node's pod subnet with BGP so the cluster network spans all nodes; every pod gets its own IP and can be scheduled on any node."],
 ['review-q4','partial',"Pods on different nodes can reach each other through a cluster-wide network."],
 ['review-q2','incorrect',"Host mode is slower because of NAT, while bridge mode shares the host's IP and has no isolation."],
 ['review-q2','correct',"In host mode there is no separate network namespace, so no NAT and better performance, but ports collide with host services. In bridge mode each container is isolated with a private IP, but it is only reachable from outside through published ports."],
 ['review-q3','incorrect',"macvlan lets the Docker host talk to its containers directly, and other machines reach them through port mapping with -p."],
 ['review-q3','correct',"macvlan gives the container a MAC of its own so it shows up on the LAN as a separate machine that clients can reach directly, without port publishing; this is useful for DHCP servers or apps that rely on broadcast."],
 ['review-q1','correct',"When a request comes in for a published port, the Linux kernel on the host sees it first. Docker has told the kernel, through iptables rules, to translate the destination to the container's internal address. The packet is then switched through the docker0 bridge and over the veth link into the container."],
 ['review-q1','correct',"Docker doesn't touch packets itself. It configures netfilter: a DNAT rule maps hostport to containerIP:port. The kernel then routes the packet to the bridge, which hands it through the veth interface into the container netns. On the way back conntrack undoes the translation."],
 ['review-q1','partial',"Docker uses port forwarding to send traffic from the host into the container."],
 ['review-q1','partial',"The packet goes through the docker0 bridge and a veth pair into the container's namespace."],
 ['review-q1','incorrect',"Docker runs a small router inside every container that receives all the packets from the internet."],
 ['review-q1','incorrect',"It uses DNS."],
 ['review-q1','incorrect',"Docker intercepts traffic in userspace: the docker daemon reads each packet and forwards it over docker0 and the veth into the namespace after rewriting the destination with DNAT."],
 ['review-q2','correct',"Host networking: best raw speed since there's no NAT hop, but the container isn't isolated and can't use a port the host already uses. Bridge networking: each container gets a private IP, so it's isolated, but you need port publishing (-p) and pay a small NAT cost."],
 ['review-q2','partial',"Bridge is safer because containers are isolated; host is faster."],
 ['review-q2','partial',"With host networking you can get port conflicts, because the container uses the host's ports directly."],
 ['review-q2','incorrect',"Host mode gives each container a separate IP address, while bridge mode shares the host's IP."],
 ['review-q2','incorrect',"Both are the same, host is just the old name of bridge."],
 ['review-q3','correct',"Some legacy apps expect to be a machine on the network. macvlan gives the container its own MAC and an IP from the LAN subnet, so other devices can talk to it directly, without any NAT or port mapping."],
 ['review-q3','partial',"macvlan gives the container its own MAC address so it can be on the network."],
 ['review-q3','partial',"Because the host can't reach macvlan containers without a shim."],
 ['review-q3','incorrect',"macvlan is needed so containers can reach each other on the same bridge; without it they have no MAC and cannot communicate."],
 ['review-q3','incorrect',"A real MAC makes the container faster because packets skip the kernel, and you still publish ports with -p."],
 ['review-q4','correct',"Kubernetes relies on a CNI plugin to give each pod a routable IP across the whole cluster. Plugins like Flannel create an overlay that tunnels pod traffic between nodes using VXLAN, so a pod on node A can reach a pod on node B directly without NAT."],
 ['review-q4','partial',"The overlay lets pods on different nodes talk to each other."],
 ['review-q4','partial',"Pod traffic between nodes is wrapped in VXLAN packets."],
 ['review-q4','incorrect',"Kubernetes doesn't use overlays; it just uses the docker0 bridge on each node and publishes pods with -p."],
 ['review-q4','incorrect',"Overlay networks only work when all the nodes are on the same LAN subnet, and pods share the node's IP address."],
 ['review-q4','incorrect',"Kubernetes uses the Docker Swarm overlay driver: it spans all nodes with VXLAN so every pod gets its own IP."],
 ['review-q4','incorrect',"The overlay spans all the nodes; VXLAN translates pod IPs into node IPs so pods can reach any node."],
 ['review-q4','correct',"Unlike Docker Swarm's built-in overlay, Kubernetes leaves it to a CNI plugin, which connects all nodes with VXLAN tunnels so every pod gets its own IP without NAT."],
 ['review-q4','correct',"Swarm uses its overlay driver to span all nodes with VXLAN on UDP 4789, so service tasks on any node reach each other by name."],
 ['review-q1','correct',"Docker relies on the kernel. Incoming packets hit eth0 of the host; a nat rule in the PREROUTING chain (put there by Docker when you used -p) changes the destination IP and port to the container's. Then the packet is forwarded to the bridge interface and travels down the veth pair to the container's eth0, inside its network namespace."],
 ['review-q1','partial',"Docker creates a bridge called docker0 and connects every container to it."],
 ['review-q1','partial',"iptables rules rewrite the destination address so it goes to the container."],
 ['review-q1','incorrect',"Docker doesn't use iptables at all; it just assigns every container an address on the host's LAN so the router can send traffic straight to it over the veth."],
 ['review-q2','correct',"host: shares the host network, so no port mapping and slightly better performance; downside, no isolation and port clashes. bridge: own network namespace and IP so containers are isolated; downside, you must map ports with -p and there's NAT overhead."],
 ['review-q2','partial',"Host mode gives better performance since it avoids NAT, but bridge mode is the default."],
 ['review-q2','incorrect',"host networking isolates containers better than bridge, and bridge is faster because it skips NAT"],
 ['review-q2','correct',"The host driver removes network isolation: the container shares the host's IP and ports, which avoids NAT and is a bit faster but risks port conflicts. The bridge driver puts each container in its own namespace with a private IP, which isolates it, but you need to publish ports and NAT adds overhead."],
 ['review-q3','correct',"If an app has to be reachable at its own IP on the office LAN (say a printer server or an old licence-bound app), macvlan gives the container its own MAC and LAN address, so clients connect straight to it instead of through NAT on the host. Downside: many Wi-Fi and cloud networks drop frames from extra MACs."],
 ['review-q3','partial',"It lets the container have its own IP on the physical network."],
 ['review-q3','incorrect',"macvlan is needed whenever a container uses the bridge network, since docker0 requires real MAC addresses."],
 ['review-q3','incorrect',"With macvlan the host talks to the container directly over the parent interface and the container sits behind NAT like on a bridge."],
 ['review-q4','correct',"In Kubernetes the CNI plugin (e.g. Cilium or Flannel) builds a pod network that spans every node. Packets between pods on different nodes are encapsulated in VXLAN or Geneve and sent between the nodes' IPs, so each pod keeps its own IP and can talk to any other pod without NAT."],
 ['review-q4','partial',"Kubernetes uses an overlay so that pods can talk across nodes; kube-proxy handles services."],
 ['review-q4','incorrect',"Overlay networks make every pod use the node's IP address with port mapping, and VXLAN is used only to encrypt the traffic."],
 ['review-q4','partial',"Each node runs Flannel which sets up VXLAN."],
 // issue 15: plain words, notes and misspellings, both ways
 ['review-q1','incorrect',"Docker grabs the incoming packets from the NIC, changes the destination to the container IP and pushes them down the virtual cable to the container through docker0."],
 ['review-q1','incorrect',"Docker is like a mailman who picks up every letter at the front door and carries it himself to the right flat through the hallway (bridge) and door (veth)."],
 ['review-q1','correct',"Picture a hotel. Docker pins a rule at reception: guests for 8080 go to room 172.17.0.2. A corridor (the bridge) has a door into each room (a virtual cable). The receptionist who follows the rule is the kernel."],
 ['review-q1','correct',"docker dosnt route anything itself, it just programs iptables; the kernel does the dnat to the container ip and pushes the packet across docker0 and the veth into the containers netns"],
 ['review-q1','correct',"Incomming packets hit the hosts network card, the linux kernal aplies dockers nat rules (dnat) to send it to the containers private ip, and the packet is switched by the docker bridge onto the containers virtual ethernet cable."],
 ['review-q2','correct',"host = fastest, no NAT; downside: port clashes, no isolation.\nbridge = isolated, own IP; downside: NAT overhead, must publish ports."],
 ['review-q2','correct',"Host mode has no NAT so it's faster, but you lose isolation and ports clash. Bridge mode isolates each container in its own namespace with its own IP."],
 ['review-q2','partial',"Host networking is faster and needs no -p. Bridge networking gives a private network, but containers on one bridge cannot talk to each other."],
 ['review-q3','incorrect',"With macvlan the container just uses the host's network, like host mode, sharing its interface and address."],
 ['review-q3','partial',"It's like giving each flat its own street address so the postman can deliver straight to it. The building's network needs no changes for that."],
 ['review-q4','incorrect',"With an overlay each pod gets a real IP from the company's router, just like a laptop."],
 ['review-q4','incorrect',"An overlay is like a protective film over the network that keeps pod traffic secret; Kubernetes lays it over the nodes so nobody can snoop."],
 ['review-q4','incorrect',"kubernetes -> swarm overlay driver -> vxlan between nodes -> pods get ips"],
 ['review-q4','incorrect',"With the overlay every pod gets an adress on the companys lan, so you can reach pods from any laptop in the office."],
 ['review-q4','incorrect',"Overlays keep each node's pods in their own network; pods on other nodes are unreachable, which is safer."],
 ['review-q1','correct',"it depends on the driver, but for the default bridge network the kernel nat's the published port to the container's ip and forwards it over docker0 and the veth pair into the container"],
 ['review-q1','correct',"Traffic to a published port is caught by iptables in the kernel, which rewrites where it is going to the container's IP:port; the packet then crosses the docker0 software switch and a virtual ethernet link into the container's namespace."],
 ['review-q4','correct',"Orchestrators need containers on different hosts to talk as if on one LAN. The overlay network does that by encapsulating traffic between the hosts; the hosts themselves only need IP connectivity, not the same subnet."],
 ['review-q4','correct',"Overlay: a virtual network on top of the nodes' network. Pod A on node 1 sends to pod B's IP; node 1 wraps it in a UDP packet to node 2 (VXLAN), node 2 unwraps and delivers. Kubernetes (via flannel/calico) uses this so all pods share one flat network."],
 ['review-q3','correct',"It becomes a real citizen of the LAN: its own hardware ID and address, visible to everyone, no translation in between. Useful when software insists on being a physical machine."],
 ['review-q3','correct',"It's like the container getting its own house on the street instead of a room in the host's house, so visitors can knock on its door directly. Old programs that expect their own house need this."],
 ['review-q4','incorrect',"Kubernetes uses overlays so that each pod gets an IP address on the physical LAN, which lets external clients reach pods directly; VXLAN tunnels carry the traffic between nodes."],
 ['review-q4','incorrect',"Pods get their own IPs across all nodes, but the overlay works by giving every pod the node's IP with a different port, wrapped in VXLAN."],
 ['review-q4','incorrect',"The orchestrator's overlay spans all hosts with VXLAN, and every container is reachable from the internet at its own public address."],
 ['review-q4','incorrect',"Pods on different nodes are connected through the overlay, which uses the Docker bridge on each node and VXLAN; each pod is given an address from the office DHCP server."],
 ['review-q1','incorrect',"Packets arrive at the host, iptables applies SNAT to rewrite the source to the container's IP, and the packet is forwarded through the bridge and the veth into the container."],
 ['review-q1','incorrect',"Docker gives each container an IP on the LAN so the router delivers packets straight to it; inside the host a DNAT rule and the docker0 bridge pass it along the veth."],
 ['review-q3','incorrect',"macvlan puts the container in the host's network namespace with its own MAC, so it's reachable directly on the LAN without NAT; good for DHCP servers."],
 ['review-q1','correct',"1. packet arrives at eth0\n2. PREROUTING: DNAT to 172.17.0.2:80\n3. FORWARD to docker0\n4. veth into the container's ns"],
 ['review-q2','correct',"host vs bridge:\n* perf: host > bridge (NAT costs)\n* isolation: bridge > host\n* ports: host shares the host's ports (conflicts), bridge maps them w/ -p"],
 ['review-q2','correct',"Pros host: fast, simple. Cons host: no isolation, port conflicts. Pros bridge: isolated, own IP. Cons bridge: NAT, slower, port mapping."],
 ['review-q4','correct',"* pods on diff nodes need to talk\n* overlay encaps pkts in UDP between nodes\n* flat pod net, unique IP per pod\n* CNI: flannel/calico/cilium"],
 ['review-q4','incorrect',"The overlay is a backup network: if one node's network fails, Kubernetes moves the traffic to another node."],
 ['review-q4','incorrect',"An overlay lets containers on different hosts share the same IP address so they look like one big server."],
 ['review-q2','correct',"Host mode doesn't need NAT, whereas bridge does, so host is faster; on the other hand bridge keeps containers isolated with their own IPs while host exposes every port on the host's interfaces."],
 // "the host's network" is not host mode: what follows it is said of the bridge
 ['review-q2','correct',"With host networking the app binds straight to the host's ports: quick, no translation, but no isolation and port conflicts. With bridge, containers live on a private network inside the host's network stack and are published through NAT, which is safer but adds a little overhead."],
 ['review-q2','correct',"Bridge: isolated, each container has its own address on a private subnet, but traffic from the host's network needs port mapping (NAT), a bit slower. Host: the fastest, no NAT, but no isolation and port clashes."],
  // issue 15, part 2: wrong central claims in plain words are refused; the right answers next to them are not
  ['review-q1','incorrect',"Docker works like a mail room: all the packets land in Docker first, Docker opens each one, checks which container it's for and drops it into that container's box. The bridge and the virtual cable are just how Docker reaches the boxes."],
  ['review-q1','incorrect',"The packets go up to the Docker program, which copies them into the container's memory; that's why published ports are a bit slow."],
  ['review-q1','correct',"Packets go to Docker's iptables rules first, which rewrite the destination to the container IP; then the docker0 bridge and a veth pair take them into the namespace."],
  ['review-q1','correct',"The packets land in the kernel first, not in Docker: a DNAT rule rewrites them to the container IP and they cross docker0 and the veth into the namespace."],
  // a concept denied in its own clause ("no rules needed") does not join another clause's words into a claim
  ['review-q1','incorrect',"Docker gives every container a spot on your home network, and your router sends traffic to it directly, no rules needed."],
  ['review-q2','incorrect',"In bridge mode the container is plugged straight into the office network with its own address, while host mode hides it behind the computer."],
  ['review-q2','correct',"Host mode is faster with no NAT but ports clash and there is no isolation. Bridge: the container sits on a private network inside the host, not directly on the office network, so it is isolated but you need -p."],
  ['review-q3','incorrect',"A container needs a real hardware address to get onto the internet at all; without macvlan it is stuck inside the computer."],
  ['review-q4','incorrect',"Kubernetes gives each server its own separate little network for its pods; pods on different servers can't see each other, that's the point of the overlay."],
  ['review-q4','incorrect',"The overlay is a layer of encryption that scrambles the traffic between the servers."],
  ['review-q4','correct',"Without an overlay, pods on different servers couldn't talk to each other; the CNI plugin wraps their packets in VXLAN between the nodes so every pod gets its own IP."],
  ['review-q4','correct',"Swarm can add an optional layer of encryption (IPsec) on the overlay, which spans all nodes with VXLAN so each container gets its own IP."],
  // who does it: the daemon writes the rules, the kernel handles the packets (q1 names the kernel as a subject)
  ['review-q1','correct',"The daemon only writes the rules, the kernel handles every packet: DNAT to the container IP, then docker0 and the veth into the namespace."],
  ['review-q1','correct',"The daemon writes the DNAT rules and the kernel forwards packets over docker0 and the veth into the container namespace."],
  ['review-q1','incorrect',"The docker daemon reads every packet, rewrites it with DNAT and sends it over docker0 and the veth into the namespace."],
  ['review-q1','incorrect',"- Docker runs its own virtual router process\n- the daemon forwards it to the right container over docker0 and the veth"],
  // a belief the answer reports ("a common misconception is that …", "people think …, but") is not its claim
  ['review-q1','correct',"A common misconception is that dockerd receives every packet and forwards it. In fact the daemon only configures netfilter: the kernel DNATs the packet to the container's IP and port, routes it to the docker0 bridge and through the veth pair into the container's namespace."],
  ['review-q2','correct',"People sometimes think host mode is more secure, but it's the opposite: the container shares the host's network namespace, so there is no isolation and ports can clash, in exchange for avoiding NAT and getting slightly better performance. Bridge mode isolates each container with its own IP, at the cost of publishing ports and some NAT overhead."],
  ['review-q1','incorrect',"Some people think the kernel handles it, but really the docker daemon reads every packet and sends it over docker0 and the veth into the namespace."],
  // "not slower by much" is a matter of degree, not a denial
  ['review-q2','correct',"Bridge isn't slower by much, but it does add NAT and a veth hop, and every service must be published with -p; in return each container is isolated with its own IP. Host mode skips all that, so it's faster, but the container isn't isolated and can't reuse a port the host already uses."],
  // "the host needs a shim to reach it" is the caveat, not "the host reaches it"
  ['review-q3','correct',"- not behind host NAT, no -p\n- own MAC + LAN IP -> looks like a separate box\n- for legacy / MAC-bound licence / DHCP\n- host needs a shim to reach it"],
  ['review-q3','partial',"- not behind host NAT, no -p\n- own MAC + LAN IP -> looks like a separate box\n- for legacy / MAC-bound licence / DHCP\n- the Docker host can reach it directly over the parent NIC"],
  // issue 15, third author's style: what a second look at the tuning half taught, each with its near miss
  ['review-q1','correct',"Docker is the planner, not the driver. It tells the kernel once: 'visitors for door 8080 go to the container at 172.17.0.2'. After that the kernel does all the work, changing the address on each packet and sending it down the container's own virtual cable."],
  ['review-q1','incorrect',"ctr shares host netns \u2192 app binds host port \u2192 nothing to route"],
  ['review-q1','correct',"With host networking there is nothing to route: the app binds the host's port directly. With the default bridge, the kernel DNATs the published port to the container IP and forwards it over docker0 and the veth into the namespace."],
  ['review-q2','correct',"Host is like the container moving into your flat: no doorman, quick, but it uses your doors and can bump into your other tenants. Bridge gives it its own flat behind a doorman who forwards visitors, which takes a moment longer but keeps everyone apart."],
  ['review-q3','correct',"Some devices on a network only trust machines they recognise by their hardware address. macvlan gives the container its own, so it shows up as a separate gadget on the network and those devices can talk to it directly."],
  ['review-q3','incorrect',"You need macvlan so that two containers on the same host can talk; a bridge can't pass frames between containers without real MACs."],
  ['review-q4','incorrect',"overlay = one docker0 bridge across all nodes\nevery pod plugs into it"],
  ['review-q3','incorrect',"You'd use macvlan for speed: packets skip the bridge and NAT, so throughput is higher."],
  ['review-q3','correct',"macvlan gives the container its own MAC on the LAN so a MAC-bound licence server works and clients reach it directly; it can also be a little faster, since there is no bridge or NAT."],
  ['review-q3','incorrect',"Containers need macvlan because Docker's bridge network doesn't support TCP, only UDP."],
  ['review-q4','partial',"Each pod gets its own IP and the CNI plug-in connects the nodes with a VXLAN overlay. Kubernetes needs Docker swarm mode enabled for this to work."],
  // the new readings (reported beliefs, hypotheticals, lists of examples, q3's verdict) do not let wrong answers through
  ['review-q1','incorrect',"People think the kernel does it, and they are wrong: the docker daemon receives every packet and copies it over the docker0 bridge and the veth into the namespace after a DNAT."],
  ['review-q1','incorrect',"- dockerd intercepts each packet\n- e.g. DNAT, docker0 bridge, veth pair, namespace"],
  ['review-q1','incorrect',"The kernel would not be involved: dockerd itself rewrites the destination with DNAT and pushes the packet over docker0 and the veth into the container's namespace."],
  ['review-q3','incorrect',"macvlan gives the container its own MAC so it looks like a real machine for legacy apps, but it still sits behind the host's NAT and you need -p to reach it."],
  ['review-q3','partial',"macvlan gives the container its own MAC so it looks like a separate device for legacy apps, and the Docker host can talk to it directly like any other container."],
  ['review-q3','incorrect',"macvlan = ctr shares the host's MAC\ne.g. legacy apps, licence servers, DHCP"],
  ['review-q4','incorrect',"overlay:\n- pods get IPs from the office router\n- e.g. VXLAN between nodes, flannel, own IP per pod"],
  ['review-q2','incorrect',"Some say host mode is less isolated, but in fact host mode gives each container its own network namespace and IP, so it is more secure; bridge shares the host's stack but is faster."],
  // tables both ways: a "done by" column names the actor, "| isolation | full | none |" ranks the drivers
  ['review-q1','correct',"| step | where | done by |\n|---|---|---|\n| arrives | eth0 | kernel |\n| DNAT to ctr IP:port | nat PREROUTING / DOCKER | kernel (rule from dockerd) |\n| forwarded | docker0 bridge | kernel |\n| delivered | veth \u2192 ctr netns | kernel |"],
  ['review-q1','incorrect',"| step | done by |\n|---|---|\n| packet read from NIC | dockerd |\n| destination rewritten | dockerd |\n| handed to container | dockerd over docker0 |"],
  ['review-q2','correct',"host:\n  pros: fastest, no NAT\n  cons: no isolation, port clashes\nbridge:\n  pros: isolated, own IP\n  cons: -p needed, NAT overhead"],
  ['review-q2','incorrect',"| | host | bridge |\n|---|---|---|\n| isolation | full | none |\n| IP | own | host's |"],
  ['review-q3','correct',"| need | how macvlan helps |\n|---|---|\n| licence bound to a MAC | ctr has its own MAC |\n| reachable at a LAN IP | own IP on the LAN, no NAT |\n| caveat | host needs a shim to reach it |"],
  ['review-q3','incorrect',"| | macvlan |\n|---|---|\n| MAC | shared with host |\n| reach | via -p / NAT |"],
  ['review-q4','incorrect',"| piece | role |\n|---|---|\n| kube-proxy | builds the VXLAN tunnels |\n| pods | share the node IP |"],
  // analogies in everyday words (an airport's signs, call forwarding, hotels in other cities, ferries between islands)
  ['review-q1','correct',"Picture an airport. The host's address is the airport, the containers are gates. Docker posts signs in the terminal (rules in the operating system) saying passengers for flight 8080 go to gate 172.17.0.2. The operating system walks them along the corridor and through the jet bridge to the gate. Docker just put up the signs."],
  ['review-q1','incorrect',"Picture an airport where Docker is the ground crew: it picks up every passenger at the entrance and drives them to the right gate itself."],
  ['review-q1','partial',"It's like call forwarding: calls to the host's number on a certain extension are forwarded to the container."],
  ['review-q4','correct',"Think of a chain of hotels in different cities. Each guest (pod) has a room number that's unique across the whole chain. When a guest in one hotel sends a note to a guest in another city, the front desk puts it in an envelope addressed to the other hotel, and that hotel opens it and brings it to the room. The network plugin does this envelope trick so every pod can reach every other pod directly."],
  ['review-q4','incorrect',"It's like a chain of hotels where guests can only talk to guests in the same hotel; that separation is what the overlay is for."],
  ['review-q4','correct',"Each server is like a separate island with its own local roads. The overlay is a ferry service: a pod's message for another island is loaded into a container ship addressed to that island, unloaded there and delivered. So every pod gets its own address and can reach any other pod, no matter which island it lives on."],
  // detailed right answers: docker-proxy runs per port (a true detail), a concession ("isn't slow, but isn't free"), not Swarm's overlay
  ['review-q1','correct',"dockerd is not on the data path. With -p, Docker adds a DNAT rule in the nat table's DOCKER chain; PREROUTING sends external packets there and OUTPUT sends the host's own connections there. The kernel rewrites the destination, FORWARD accepts it (DOCKER-USER runs first, and ufw's INPUT rules never see it), and the packet crosses docker0 into the container's veth. docker-proxy still runs for each published port, but it only carries the odd cases such as connections to localhost or with the userland proxy forced on."],
  ['review-q2','correct',"The bridge isn't slow, but it isn't free: every inbound connection is DNATed and conntrack-tracked, and you must publish ports. What you get is isolation: a private IP per container, no port clashes, and only what you publish is exposed. Host mode drops all of that for speed and simplicity, so the container shares the host's ports and network stack and is not isolated at all."],
  ['review-q4','correct',"Kubernetes doesn't build the overlay itself and it doesn't use Docker's swarm overlay. The container runtime calls a CNI plug-in, which gives each pod an IP from the node's pod CIDR. Flannel, for example, connects the nodes with VXLAN over UDP 8472, so a pod on one node reaches a pod on another directly without NAT. kube-proxy is separate: it implements Services with iptables or IPVS, not the overlay. Encryption is optional (WireGuard or IPsec in some plug-ins), not the default."],
  ['review-q4','incorrect',"Kubernetes doesn't use an overlay at all: pods always sit on the node's host network and talk through NodePorts."],
  // a misspelt 'betwen' does not turn a note into a list of terms; 'changes the address on each arriving packet' is the DNAT
  ['review-q1','correct',"Your computer's kernel is the one doing the work. Docker only leaves it a note when the container starts: 'port 8080 on this machine means port 80 of that container'. The kernel changes the address on each arriving packet and passes it over a virtual switch and a virtual cable into the container."],
  ['review-q4','correct',"- each pod own ip (cluster wide)\n- CNI plugin encapsultes pod trafic betwen nodes (vxlan)\n- pods reach each other acros nodes w/o NAT"],
  ['review-q1','incorrect',"incoming pkt \u2192 docker0 bridge is plugged into eth0 \u2192 ctr has LAN IP \u2192 delivered directly"],
  ['review-q3','incorrect',"macvlan \u2192 container uses parent's MAC\n\u2192 the switch sees one device\n\u2192 that's why it's real"],
  // plain words: traffic for a port passed on to the container (a DNAT, vaguely), pods spread over several computers
  ['review-q1','partial',"Docker makes the computer pass traffic for a certain port on to the container, using the system's firewall."],
  ['review-q1','incorrect',"Docker puts each container directly on your home network with its own adress from the router, so trafic just goes to it like any other device."],
  ['review-q2','incorrect',"host \u2192 slower, NAT on every packet\nbridge \u2192 fastest, direct"],
  ['review-q4','correct',"When the pods of an app are spread over several computers, they still need to talk as if they sat on one network. The network plug-in gives every pod its own address and wraps pod-to-pod messages inside ordinary messages between the computers, unwrapping them at the other end."],
  ['review-q4','incorrect',"Kubernetes uses overlays so that every node gets the same IP address and clients can connect to any of them."],
  // misspelt notes both ways ('difrent' loses two letters of 'different')
  ['review-q4','partial',"overlay netwrok so pods on difrent nodes can talk"],
  ['review-q1','incorrect',"- dockerd recieves evry pakcet on eth0\n- rewrites dst and sends it to the contaner"],
  ['review-q2','incorrect',"host: own ip, isolatd, more secure\nbrige: shares the hosts ip"],
  ['review-q3','correct',"macvlan \u2192 ctr gets its own mac adress \u2192 shows up as a seperate device on the lan \u2192 legasy apps / licence bound to mac work; host cant reach it w/o a shim"],
  // right words in wrong claims: a clause that opens with "like a bridge" is about macvlan; a docker0 attached to eth0
  ['review-q1','incorrect',"Docker gives containers LAN IPs through the docker0 bridge, which is attached to eth0; the kernel's DNAT rule then delivers the packet through the veth into the namespace."],
  ['review-q3','incorrect',"macvlan gives each container its own MAC, but like a bridge it hides the container behind the host's IP with NAT, so you still publish ports; it's for legacy apps that want a MAC."],
  ['review-q3','incorrect',"macvlan:\n- own MAC\n- still NAT via host\n- -p required\n- legacy apps"],
  ['review-q1','incorrect',"The packet reaches the host kernel first; then dockerd picks it up from a raw socket, applies its DNAT table in user space and writes it into the docker0 bridge and the container's veth."],
  ['review-q4','incorrect',"Kubernetes uses the overlay to give each pod its own IP, but between nodes the pods are NATed to the node's IP, and VXLAN carries that NATed traffic."],
  // the daemon as a step of the packet's path ("→ dockerd →", "passes it up to dockerd"), and its near miss
  ['review-q1','incorrect',"The kernel receives the packet on eth0 and passes it up to dockerd, which looks up the container, applies DNAT and sends it over docker0 and the veth into the namespace."],
  ['review-q1','incorrect',"eth0 \u2192 kernel \u2192 dockerd (user space) \u2192 DNAT \u2192 docker0 \u2192 veth \u2192 ctr"],
  ['review-q3','incorrect',"- macvlan: own MAC, legacy apps\n- runs in the host's network namespace\n- no NAT"],
  ['review-q3','incorrect',"It makes the container its own computer on the network for old programs, but everything still goes through the host's address translation."],
  ['review-q4','incorrect',"The plugin wraps pod messages between servers, but every pod uses its server's address, so pods are told apart by port number."],
  ['review-q1','correct',"-p → dockerd writes the DNAT rule → kernel rewrites the destination to the container IP → docker0 → veth → container netns"],
  // plain and note-form wrong claims: a spot on the home network that the router talks to, all pods on one IP
  ['review-q1','incorrect',"Docker gives every container a spot on the home network, and the router talks to it directly, though Docker also writes some firewall rules and a virtual cable into the container."],
  ['review-q4','incorrect',"CNI \u2192 VXLAN\nall pods share one IP\nports tell them apart"],
  ['review-q2','incorrect',"Host mode is faster because there is no NAT, and it is also more isolated, since the container gets the host's firewall protection; bridge mode needs -p and has NAT overhead, and its containers can clash on ports."],
  ['review-q1','incorrect',"Each packet is copied by the Docker engine from the host's network card into the container's namespace over the veth pair, after iptables DNAT rewrote it."],
  // macvlan is no cross-host network; contrasting it with an overlay that tunnels between hosts is fine
  ['review-q3','incorrect',"macvlan lets containers on diffrent hosts talk to each other over a tunel, thats why it needs a real mac."],
  ['review-q3','correct',"Unlike an overlay, which tunnels between hosts, macvlan gives the container its own MAC on the LAN so legacy apps work and other machines reach it without NAT."],
  ['review-q4','incorrect',"Kubernetes uses overlays so that every pod on every node shares the same IP address, which makes load balancing easy; VXLAN wraps the packets between nodes."],
  ['review-q2','incorrect',"| | host | bridge |\n|---|---|---|\n| speed | slower | faster |\n| isolation | yes | no |"],
  // a negation said of a world without the thing ("without an overlay … couldn't", "would not") denies nothing
  ['review-q4','incorrect',"Pods on different servers can't talk to each other; each node has its own network."],
  ['review-q1','correct',"Without Docker's DNAT rule the kernel would not know where to send the packet. Docker writes that rule, the kernel rewrites the destination to the container IP and forwards the packet over docker0 and the veth into the container's namespace."],
]

describe('traps', () => {
  it.each(TRAPS)('%s should be %s: %s', (id, verdict, text) => {
    expect(gradeByRubric(id, text).verdict).toBe(verdict)
  })
})

// Written for these tests (session 20): the general readings added when the sa/sa2 answers were studied by kind.
describe('hedges, usual cases and alternatives', () => {
  it.each<[ReviewQuestionId, Verdict, string]>([
    // "not every" limits a claim rather than denying it
    ['review-q4', 'correct', 'The CNI plugin builds one network across all nodes by encapsulating pod traffic in VXLAN between the node IPs, so every pod gets its own IP and pods talk without NAT. Not every cluster uses an overlay, though: Calico can route the pod subnets with BGP instead.'],
    ['review-q4', 'incorrect', 'Kubernetes does not use an overlay: pods on different nodes reach each other over the node network with NAT.'],
    // "or no encapsulation" offers an alternative, it denies nothing
    ['review-q4', 'correct', 'A CNI plugin such as Flannel connects all nodes into one pod network. Between nodes it wraps pod packets in VXLAN, or no encapsulation at all when it routes the subnets directly, so every pod keeps its own IP on any node.'],
    // a sentence about the usual case ("normally", "otherwise") is not about macvlan unless it names macvlan
    ['review-q3', 'correct', "Normally a container sits behind the host's NAT and shares its MAC. With macvlan it gets a MAC and an IP of its own on the LAN, so a licence server that checks MACs accepts it and other machines reach it directly."],
    ['review-q3', 'correct', 'Otherwise the container would hide behind the host. macvlan gives it its own MAC on the LAN so DHCP and other machines see it as a device of its own, though the host itself cannot reach it without a shim.'],
    ['review-q3', 'incorrect', "Normally macvlan containers are still reached through the host's NAT with -p, and they get a MAC on the LAN."],
    // "more than isolation" is a comparison, not "more isolation"
    ['review-q2', 'correct', 'Pick host when throughput matters more than isolation: no NAT, but ports clash with the host. Pick bridge for isolation: each container has its own IP, and you publish ports with -p through NAT.'],
  ])('%s should be %s: %s', (id, verdict, text) => {
    expect(gradeByRubric(id, text).verdict).toBe(verdict)
  })
})

describe('session 21: subjects after the predicate, analogies of the rule, wrong claims in plain words', () => {
  it.each<[ReviewQuestionId, Verdict, string]>([
    // a subject named in a later clause is that clause's: the containers share the stack, not the kernel
    ['review-q1', 'incorrect', "By default containers share the host's network stack, so the kernel just hands the packet to the app."],
    ['review-q1', 'correct', "In host mode containers share the host's network stack, so the kernel just hands the packet to the app. On the default bridge the kernel's DNAT rule rewrites the destination and forwards it over docker0 and the veth into the namespace."],
    ['review-q2', 'correct', 'I would pick host only for a proxy where every microsecond counts, since there is no NAT. You must manage ports yourself and there is no isolation. For everything else bridge is better: each container gets its own IP, and user-defined bridges give DNS, but it costs an extra NAT hop.'],
    ['review-q3', 'incorrect', 'Containers need a real MAC so Docker can find them on the docker0 bridge.'],
    // q2 in plain words: an extra step, a desk shared with everyone, an own mailbox; one side only stays partial
    ['review-q2', 'correct', 'Host is like sharing one phone line with everyone: quick, nothing in between, but no privacy. Bridge gives each container its own extension, safer, but the operator adds a step.'],
    ['review-q2', 'partial', 'Host is like everyone sharing one mailbox, bridge is like everybody getting their own mailbox.'],
    // Docker's overlay is Swarm's: not using it is not using no overlay
    ['review-q4', 'correct', '- overlay = one network spanning many hosts\n- VXLAN: container frame inside UDP between nodes\n- k8s: does not use docker overlay \u2192 CNI (Flannel VXLAN)\n- every pod IP reachable from every pod, no NAT'],
    ['review-q4', 'incorrect', '- k8s: does not use an overlay network \u2192 pods use the host network\n- every pod IP reachable, no NAT'],
    // rewriting the source of incoming packets is SNAT, never the way in
    ['review-q1', 'incorrect', "The kernel rewrites the source address (SNAT) of incoming packets to the container's IP and forwards them over docker0 and the veth."],
    ['review-q1', 'correct', "Docker's iptables DNAT rule rewrites the destination of incoming packets to the container's IP, then the kernel forwards them over docker0 and the veth; replies get their source rewritten back (SNAT/masquerade)."],
    // a rule set up in advance, calls put through, a relabelled parcel: the DNAT in analogies; Docker carrying each call stays wrong
    ['review-q1', 'correct', "It's like a hotel whose phone system was programmed in advance: calls to extension 8080 are put through to room 2 along a private line. Docker did the programming; the phone system (the kernel) connects every call itself."],
    ['review-q1', 'incorrect', 'Docker is the operator who personally answers every call to extension 8080 and puts it through to room 2 along a private line.'],
    ['review-q1', 'correct', 'The front desk (the kernel) relabels anything for door 8080 to flat 2 and walks it down the corridor to the flat; Docker only wrote the list.'],
    ['review-q1', 'correct', 'Docker sets up rules, a signalman switches the points so the train changes where it is headed, and a track leads into each container.'],
    ['review-q1', 'partial', 'Docker sets up rules so the computer knows which container a message is meant for.'],
    // the two ends of a veth pair name the path into the container
    ['review-q1', 'correct', '- -p \u2192 DNAT rewrites dst to ctr IP\n- veth pair: one end in the ctr, other end on docker0\n- kernel forwards it'],
    ['review-q1', 'partial', '- veth pair: one end in the ctr, other end on docker0\n- kernel forwards it'],
  ])('%s: %s for %j', (question, verdict, answer) => {
    expect(gradeByRubric(question, answer).verdict).toBe(verdict)
  })
})

describe('wrong claims added in session 20, in plain words too', () => {
  it.each<[ReviewQuestionId, Verdict, string]>([
    ['review-q1', 'incorrect', 'Docker puts every container on a macvlan network by default, so the LAN switch delivers traffic into its namespace over a veth and iptables DNAT is never needed.'],
    ['review-q1', 'incorrect', "Even on a single host Docker connects the containers through a VXLAN overlay; the kernel's DNAT rule then rewrites the destination and the packet goes over the veth into the namespace."],
    ['review-q1', 'incorrect', "All containers share the host's network stack. The kernel hands each packet to whichever container process listens on the port."],
    ['review-q1', 'incorrect', 'docker0 is the physical NIC of the containers and the host forwards all traffic to it; iptables DNAT picks the container and the veth delivers it.'],
    ['review-q2', 'incorrect', 'Host mode is faster, but the real trade-off is storage: host mode writes its data straight to the host disk while bridge keeps a separate volume.'],
    // "changes where the packet is going" is the DNAT across the "where" that ends a clause, and stays wrong from docker-proxy or dockerd
    ['review-q1', 'correct', "The host's networking code, netfilter, changes where the packet is going (from the host's IP:8080 to the container's IP:80) because Docker asked it to, then it travels through the bridge and a virtual patch cable into the container."],
    ['review-q1', 'incorrect', "docker-proxy changes where the packet is going, then the bridge and the veth carry it into the container's namespace."],
    ['review-q1', 'incorrect', 'Docker itself changes where each packet is headed and hands it over the bridge and the veth.'],
    // an arrow between two nodes ("outer header host→host") says the traffic crosses between them
    ['review-q4', 'correct', 'why overlay? underlay only knows host IPs\n→ encapsulation: outer header host→host, inner header pod→pod\n→ CNI plugin sets it up\n→ each pod its own IP'],
    ['review-q4', 'correct', "Picture the nodes as islands and the pods as houses. The plugin lays an underwater cable between the islands and sends each house's mail inside a sealed bag addressed island to island, so every house keeps one address that works across the whole archipelago."],
    // "rewritten", the participle of "rewrite", in an analogy
    ['review-q1', 'correct', "Airport analogy: passengers arrive at the main terminal (host NIC). The airport's own staff, the kernel, check the transfer list Docker gave them and re-tag the bag with the container's gate (destination rewritten), then send it down the connecting tunnel (bridge + veth) to that gate."],
    // "forwards it to the container" is delivery, not the DNAT of a published port
    ['review-q1', 'partial', 'The kernel handles the packet and forwards it to the container over the bridge.'],
    // the daemon that installed the rule is not the one that rewrites the packet
    ['review-q1', 'correct', "The host's network stack sees the packet first; a DNAT rule that dockerd installed in the nat table changes the destination IP and port to the container's, and the kernel forwards it across the bridge and the veth into the namespace."],
    ['review-q4', 'correct', "It's like a company with offices in several cities: each desk has an extension that works company-wide, and calls between offices are put inside envelopes addressed office to office, then unpacked at the other end. The network plugin sets this up."],
    ['review-q4', 'correct', 'The overlay is a virtual network laid over the real one: packets between pods on different servers travel inside packets between the servers, so the pods act as if they were all on one big switch. Kubernetes leaves building it to a network plugin.'],
    ['review-q3', 'incorrect', 'You need a real MAC so other computers can reach the container by its name.'],
    ['review-q3', 'incorrect', 'A real MAC lets the container run its own firewall, separate from the host.'],
    ['review-q3', 'correct', 'macvlan gives a container its own MAC and LAN IP so other machines reach it directly, e.g. a Pi-hole DNS server that devices find by its address; caveat: the host needs a shim to reach it.'],
    // the LAN's router knows nothing about containers or their ports
    ['review-q1', 'incorrect', 'Docker hands each container a port, and the router on your network sends the traffic for that port straight to the container.'],
    ['review-q1', 'incorrect', 'Each container gets a port number from Docker and your home router delivers the packets to that port by itself.'],
    ['review-q1', 'correct', "The packet reaches the host first (your router sends it to the host's IP). The kernel applies Docker's DNAT rule, rewriting the destination to the container's IP:port, and forwards it over docker0 and the veth into the namespace."],
    // the forwarding over the bridge is the path into the container, as the labellers read it
    ['review-q1', 'correct', "Docker writes an iptables DNAT rule that maps the published host port to the container's IP and port; the kernel then forwards the packet over docker0 into the container. Replies are un-NATed by conntrack."],
    // interface names stand for what they are (vethXXX, br-4f1e2a), and an arrow step that is only the container ends the path into it
    ['review-q1', 'correct', 'client → host NIC → iptables DNAT to 172.17.0.5:80 → docker0 → veth1a2b3c → app'],
    ['review-q1', 'correct', 'host NIC → DNAT rule → br-4f1e2a → container'],
    ['review-q1', 'correct', 'packet → nat PREROUTING: DNAT to the container IP → bridge → container'],
    ['review-q1', 'incorrect', 'packet → docker-proxy rewrites the destination → bridge → container'],
    // Docker's overlay driver is Swarm's: saying Kubernetes does not use it denies no overlay, saying it does is still wrong
    ['review-q4', 'correct', "Kubernetes does not use Docker's overlay network; a CNI plugin such as Flannel wraps pod packets in VXLAN between the nodes so every pod gets its own IP reachable from any node without NAT."],
    ['review-q4', 'incorrect', 'Kubernetes does not use an overlay network at all; Flannel just puts pods on the host network.'],
    ['review-q4', 'incorrect', "Kubernetes uses Docker's overlay network: Flannel wraps pod packets in VXLAN between the nodes so every pod gets its own IP reachable from any node without NAT."],
    // a notes line "head - short items" says each item of its head, not a bare list of terms
    ['review-q2', 'correct', 'host - fastest, shares host ports\nbridge - isolated netns, NAT, port mapping, bit slower'],
    ['review-q2', 'incorrect', 'host - isolated, own IP\nbridge - shares host ports, no NAT, faster'],
    // Swarm needing swarm mode is true; Kubernetes needing it is the wrong claim
    ['review-q4', 'correct', 'A CNI plugin such as Flannel connects all nodes into one pod network: it wraps pod packets in VXLAN between the node IPs, so every pod has its own IP reachable from any node without NAT.\nSwarm: overlay driver, needs swarm mode, UDP 4789.'],
    ['review-q4', 'partial', 'A CNI plugin such as Flannel connects all nodes into one pod network: it wraps pod packets in VXLAN between the node IPs, so every pod has its own IP reachable from any node without NAT. Kubernetes needs swarm mode on every node for this.'],
    // "port forwarding" is the everyday name of publishing a port, a cost of bridge, not of host mode
    ['review-q2', 'correct', 'Host mode is faster with no NAT, but the container is not isolated from the host. With bridge you have to set up port forwarding yourself.'],
    ['review-q2', 'incorrect', 'Host mode needs port forwarding for every service, while bridge is faster because it skips NAT.'],
    // a computer is a machine: "the other computer", "on many computers" say the network spans several
    ['review-q4', 'correct', "The pod's packet is put inside a packet addressed to the other computer, which unwraps it and hands it to the pod, so every pod keeps its own address and reaches any other pod directly."],
    ['review-q4', 'correct', 'The app runs on many computers, and the overlay wraps each message so every pod keeps its own address and reaches any other pod directly.'],
    ['review-q4', 'incorrect', "The overlay copies the app's files to the other computers so they all have the same data."],
    // "has to publish" is "needs to publish": host mode needing -p is the wrong claim, in any of these words
    ['review-q2', 'incorrect', 'Host mode is quicker, but you still have to publish every port with -p, and bridge keeps containers isolated.'],
    ['review-q2', 'incorrect', 'With the host driver each port has to be published, just like bridge, so they are the same.'],
    // pods NATed to their node, or kept within one node, in plain words; "have to go through NAT" is the claim itself,
    // not the purpose of a requirement ("needs a shim to reach it")
    ['review-q4', 'incorrect', "Flannel connects the nodes with VXLAN, but pods on other nodes have to go through the node's NAT to reach each other."],
    ['review-q4', 'incorrect', "The overlay NATs every pod to its node's IP, and Calico builds it."],
    ['review-q4', 'incorrect', 'Kubernetes uses the overlay so pods talk only within one node, and Flannel sets it up with VXLAN.'],
    ['review-q4', 'correct', 'A CNI plugin such as Flannel wraps pod packets in VXLAN between the node IPs, so every pod has its own IP and pods on different nodes need no NAT to reach each other.'],
    // a table without its |---| rule, with ticks and crosses
    ['review-q2', 'correct', 'driver | host | bridge\nown network namespace | \u2717 | \u2713\naddress translation | none | yes, for -p\nspeed | fastest | a little overhead\nport clashes with the host | yes | no'],
    ['review-q2', 'incorrect', 'driver | host | bridge\nown network namespace | \u2713 | \u2717\nspeed | slower | faster'],
    // a table cell that says "none" denies its row: no encapsulation is not a mechanism
    ['review-q4', 'incorrect', '| | overlay |\n|---|---|\n| spans | all nodes |\n| encapsulation | none |\n| pods | own IP, no NAT |'],
    ['review-q4', 'correct', '| | overlay |\n|---|---|\n| spans | all nodes |\n| encapsulation | VXLAN between node IPs |\n| pods | own IP, no NAT |'],
  ])('%s should be %s: %s', (id, verdict, text) => {
    expect(gradeByRubric(id, text).verdict).toBe(verdict)
  })
})

describe("session 22: the sixth author's constructions", () => {
  it("reads 'map any host port to the container's port' as the bridge's port mapping, not as something host mode does", () => {
    const bridgeMaps =
      "Host mode is fastest, with no NAT, but it has no isolation and its ports clash with the host's. Bridge isolates " +
      "each container in its own namespace; you can map any host port to the container's port, at the cost of a little NAT overhead."
    expect(gradeByRubric('review-q2', bridgeMaps).verdict).toBe('correct')
    const hostMaps =
      'Host mode is fastest, with no NAT, but it has no isolation. Bridge isolates each container in its own namespace. ' +
      "In host mode you can still map any host port to the container's port."
    expect(gradeByRubric('review-q2', hostMaps).verdict).toBe('incorrect')
  })

  it("takes a clause that is only 'On host,' / 'On bridge' as naming the driver, and the host's ports and localhost as host mode's cost", () => {
    const onHost =
      "Security versus speed. On host, a hacked container can reach the host's localhost, and its ports are the host's " +
      'ports. On bridge each container has its own namespace, but packets go through NAT, which costs a little speed.'
    expect(gradeByRubric('review-q2', onHost).verdict).toBe('correct')
    const swapped =
      "Security versus speed. On bridge, a hacked container can reach the host's localhost, and its ports are the host's " +
      'ports. On host each container has its own namespace, but packets go through NAT, which costs a little speed.'
    expect(gradeByRubric('review-q2', swapped).verdict).toBe('incorrect')
  })

  it("keeps the subject of 'the kernel then forwards it' on its verb, and not when a new subject follows 'then'", () => {
    expect(gradeByRubric('review-q1', 'Docker configures the kernel. The kernel then forwards the traffic to the container.').verdict).toBe('partial')
    expect(gradeByRubric('review-q1', 'Docker configures the kernel. Docker then forwards every packet to the container itself.').verdict).toBe('incorrect')
  })

  it('names a wrong claim the writer only guesses at beside a full answer, without costing the verdict; a guess alone is still wrong', () => {
    const full =
      'Kubernetes uses a CNI plugin that builds an overlay between nodes: pod packets are encapsulated in VXLAN and sent ' +
      'to the other node, so every pod can reach every other pod by its IP. '
    const guessed = gradeByRubric('review-q4', `${full}Kubernetes also uses Docker's overlay driver for that, I think.`)
    expect(guessed.verdict).toBe('correct')
    expect(guessed.feedback.some((f) => f.toLowerCase().includes('swarm'))).toBe(true)
    expect(gradeByRubric('review-q4', `${full}Kubernetes also uses Docker's overlay driver for that.`).verdict).toBe('incorrect')
    expect(gradeByRubric('review-q4', "I think Kubernetes uses Docker's overlay driver.").verdict).toBe('incorrect')
    // someone else's belief is not the writer's guess: "people think" reports, it does not hedge
    expect(gradeByRubric('review-q3', 'Macvlan gives the container its own MAC and IP on the LAN. I think it also makes the container faster.').verdict).toBe('partial')
  })

  it("credits q1 in plain words: the computer itself forwards it, an address swapped for the container's, containers plugged into a virtual switch", () => {
    expect(gradeByRubric('review-q1', 'Docker sets it up so the computer itself forwards the traffic to the container.').verdict).toBe('partial')
    expect(gradeByRubric('review-q1', 'Docker sets it up, then Docker itself forwards every packet to the container.').verdict).toBe('incorrect')
    const plain =
      "Docker plugs each container into a virtual switch, and the host's system does the forwarding: a packet for a " +
      "published port gets its address swapped for the container's address."
    expect(gradeByRubric('review-q1', plain).verdict).toBe('correct')
    expect(gradeByRubric('review-q1', plain.replace('its address', 'its source address')).verdict).toBe('incorrect')
    expect(gradeByRubric('review-q1', 'The machine itself routes it; Docker attaches each container to the bridge and changes the destination IP to the container IP.').verdict).toBe('correct')
  })

  it('credits no ports to set up as host mode’s upside and more setup as the bridge’s cost, said of the right driver', () => {
    expect(gradeByRubric('review-q2', "With host mode you don't need to set up any ports. Bridge needs more setup.").verdict).toBe('partial')
    expect(gradeByRubric('review-q2', "With bridge you don't need to set up any ports. Host mode needs more setup.").verdict).toBe('incorrect')
  })
})

describe('round 8: how text is read', () => {
  it("takes a driver named alone at the end of a sentence ('If you want speed, host.') as what the sentence is about", () => {
    const tagged =
      "If you want raw speed and don't mind sharing everything, host. If you want the containers kept apart, bridge. " +
      "Bridge loses a little speed because every packet is readdressed; with host the container's ports are the " +
      'computer’s ports, so clashes happen.'
    expect(gradeByRubric('review-q2', tagged).verdict).toBe('correct')
    // the same sentences with the drivers swapped credit speed to the bridge and separation to host: not the trade-off
    const swapped = tagged.replace('everything, host.', 'everything, BRIDGE.').replace('apart, bridge.', 'apart, host.').replace('BRIDGE', 'bridge')
    expect(gradeByRubric('review-q2', swapped).verdict).not.toBe('correct')
    // a driver that is not the whole last clause names nothing past a connective
    expect(gradeByRubric('review-q2', 'It is fast and the host mode has a port clash problem. Bridge keeps containers apart.').verdict).not.toBe('correct')
  })
})

describe('round 8: rubric phrasings in plain words', () => {
  it("credits q3 uses in plain words (apps that don't work behind NAT, things that only work if it looks like a real machine) and a container on the real network", () => {
    const base = 'With macvlan the container gets its own MAC and an IP on the LAN, so the other machines reach it directly. '
    expect(gradeByRubric('review-q3', `${base}You need it for software that doesn't work behind NAT.`).verdict).toBe('correct')
    expect(gradeByRubric('review-q3', `${base}It is for apps that can't cope with NAT.`).verdict).toBe('correct')
    expect(gradeByRubric('review-q3', `${base}Some programs only work when it looks like a physical box.`).verdict).toBe('correct')
    // near miss: NAT that works fine names no use
    expect(gradeByRubric('review-q3', `${base}Apps work fine behind NAT too.`).verdict).not.toBe('correct')
    expect(gradeByRubric('review-q3', 'The container sits on the actual network, not a hidden one. No idea why you would want it.').verdict).toBe('partial')
  })

  it('refuses a real MAC said to hide or isolate the container from the LAN, but not the bridge container hidden from it', () => {
    expect(gradeByRubric('review-q3', 'With its own MAC the container is shielded from the LAN, so it is safer.').verdict).toBe('incorrect')
    expect(gradeByRubric('review-q3', 'You use macvlan for security: the real MAC keeps the container isolated from the LAN.').verdict).toBe('incorrect')
    // near miss: the bridge container is the hidden one, and a container without a MAC of its own is hidden
    expect(gradeByRubric('review-q3', "Bridge containers are hidden from the LAN behind the host's NAT; macvlan gives each its own MAC and LAN IP so other machines reach it directly, useful for legacy apps.").verdict).toBe('correct')
    expect(gradeByRubric('review-q3', 'Without a real MAC the container is hidden from the LAN; macvlan gives it its own MAC so other computers reach it directly, handy for a printer server.').verdict).toBe('correct')
  })

  it("credits q1's DNAT as an address changed from the host port to the container's, and opening a port as a vague hint", () => {
    const path = "The kernel forwards it, not Docker: the packet goes over the docker0 bridge and a veth pair into the container. "
    expect(gradeByRubric('review-q1', `${path}A rule changes the address from the host port to the container's private address.`).verdict).toBe('correct')
    expect(gradeByRubric('review-q1', `${path}A rule swaps the host port for the container's address.`).verdict).toBe('correct')
    // near miss: a source address changed to the container's is SNAT, the wrong direction
    expect(gradeByRubric('review-q1', `${path}A rule changes the source address from the host to the container's address.`).verdict).not.toBe('correct')
    expect(gradeByRubric('review-q1', 'Each container hides behind the host, and outsiders reach it only if you open a port for it.').verdict).toBe('partial')
  })
})

describe('round 9: how text is read', () => {
  it("reads a sentence opening on the ordinary setup ('With the normal setup …', 'In the usual case …') as the usual case, like 'normally'", () => {
    const rest = 'Macvlan gives the container its own MAC and an address on the LAN, so other machines reach it directly, handy for a legacy app.'
    expect(gradeByRubric('review-q3', `With the normal setup all the containers hide behind the host's NAT. ${rest}`).verdict).toBe('correct')
    expect(gradeByRubric('review-q3', `In the usual case containers go through the host's NAT. ${rest}`).verdict).toBe('correct')
    expect(gradeByRubric('review-q3', `Under a standard setup, traffic is NATed through the host. ${rest}`).verdict).toBe('correct')
    // near miss: the usual-case frame that names macvlan still says macvlan hides behind NAT
    expect(gradeByRubric('review-q3', "With the normal setup macvlan containers still hide behind the host's NAT and get a MAC on the LAN.").verdict).toBe('incorrect')
    // and a sentence that opens otherwise is about macvlan
    expect(gradeByRubric('review-q3', "All the containers hide behind the host's NAT, and they get their own MAC on the LAN.").verdict).toBe('incorrect')
  })
})

describe('round 9: subjects that are not what a sentence is about', () => {
  it("does not take a driver named as something absent ('no bridge', 'no veth pair, bridge or NAT') as the subject", () => {
    const bridge = ' Bridge gives each container its own IP, so they are isolated, but you must publish ports with -p.'
    expect(gradeByRubric('review-q2', `Host mode: no bridge, no NAT, so it is faster, but port conflicts with the host happen.${bridge}`).verdict).toBe('correct')
    expect(gradeByRubric('review-q2', `The host driver shares the host's stack. Its benefits are speed (no veth pair, bridge or NAT) and less setup; its cost is no isolation.${bridge}`).verdict).toBe('correct')
    expect(gradeByRubric('review-q2', `Host mode runs without a bridge, which makes it faster; two containers cannot share a port there.${bridge}`).verdict).toBe('correct')
    // near miss: a bridge that is named outright is still the subject ("bridge is faster" is the speed claim reversed)
    expect(gradeByRubric('review-q2', 'Host mode has no isolation. The bridge, with no NAT overhead, is faster. Bridge isolates containers.').verdict).not.toBe('correct')
  })

  it("reads a name after a 'no …' item that says something of it as the subject ('no wifi/cloud, host needs a shim')", () => {
    const gives = 'macvlan gives the container its own MAC and LAN IP, so it is reachable directly, no NAT. '
    for (const caveats of ['caveats: promisc mode, no wifi/cloud, host needs a shim', 'caveats: no Wi-Fi, host cannot reach it without a shim']) {
      expect(gradeByRubric('review-q3', `${gives}${caveats}`).verdict).toBe('correct')
    }
    // near miss: an item that is only the name continues the list ("no NAT, bridge or veth" names no bridge)
    expect(gradeByRubric('review-q2', 'Host mode: faster, no NAT, bridge or veth. Bridge: isolated, publish with -p.').verdict).toBe(
      gradeByRubric('review-q2', 'Host mode: faster, no NAT or veth. Bridge: isolated, publish with -p.').verdict,
    )
  })

  it("reads 'pick the host ports' as the bridge's port choice, not as picking the host driver (a trailing '!word' in a phrase)", () => {
    const host = 'Host mode is faster (no NAT) but gives up isolation. '
    expect(gradeByRubric('review-q2', `${host}Bridge isolates each container and lets you pick host ports, with a small NAT cost.`).verdict).toBe('correct')
    expect(gradeByRubric('review-q2', `${host}With bridge you choose the host port to map, and it adds a NAT hop, but containers are isolated.`).verdict).toBe('correct')
    // near miss: picking the host driver is still the host driver
    expect(gradeByRubric('review-q2', 'Pick host for speed, it is faster. Pick host for isolation too, it isolates containers.').verdict).not.toBe('correct')
  })

  it("reads a 'docker run … -p' command as a bridge container", () => {
    const answer =
      '`docker run -d --network host nginx` -> on host:80 directly, no NAT, but no isolation\n' +
      '`docker run -d -p 8080:80 nginx` -> isolated ctr with its own IP. slight overhead, you have to publish ports'
    expect(gradeByRubric('review-q2', answer).verdict).toBe('correct')
    // near miss: a host-network command with -p is still host mode, and host mode with NAT is wrong
    expect(gradeByRubric('review-q2', '`docker run --network host nginx` -> the container still needs NAT and -p to be reached').verdict).toBe('incorrect')
  })
})

describe('round 9: rubric phrasings in plain words', () => {
  it("credits host mode's port clash as 'you can't run two containers on the same port' and -p thrown away", () => {
    const rest = ' Host mode is faster since there is no NAT. Bridge keeps each container isolated.'
    expect(gradeByRubric('review-q2', `In host mode you can't run two containers that listen on the same port.${rest}`).verdict).toBe('correct')
    expect(gradeByRubric('review-q2', `With host networking you cannot start several services on the same port number.${rest}`).verdict).toBe('correct')
    expect(gradeByRubric('review-q2', `In host mode Docker throws away any -p you pass.${rest}`).verdict).toBe('correct')
    // near miss: the bridge is the one where two containers may share a port number, which is no host downside
    expect(gradeByRubric('review-q2', 'With bridge you can run two containers on the same port. Host mode is faster since there is no NAT. Bridge keeps each container isolated.').verdict).not.toBe('correct')
  })

  it("credits q1's path and rule in plain words: a virtual cable into it, 'send it to the container's address instead'", () => {
    const rule = "Docker tells the kernel to change the destination of packets for an opened port to the container's address, "
    expect(gradeByRubric('review-q1', `${rule}and the kernel then passes them along a virtual cable into it.`).verdict).toBe('correct')
    expect(gradeByRubric('review-q1', `${rule}and a virtual wire that leads into the container carries them the rest of the way.`).verdict).toBe('correct')
    const path = ' The kernel does the forwarding itself, over a virtual cable that leads into the container.'
    expect(gradeByRubric('review-q1', `Docker leaves an instruction in the kernel: anything arriving on port 8080, send it to the container's private address instead.${path}`).verdict).toBe('correct')
    expect(gradeByRubric('review-q1', `Docker sets up a rule: packets for port 80, forward them to the container's own IP instead.${path}`).verdict).toBe('correct')
    // near miss: a cable into the container with no rule that readdresses the packet is the path without the NAT
    expect(gradeByRubric('review-q1', `Docker opens a port.${path}`).verdict).not.toBe('correct')
  })

  it("reads 'the overlay driver of Docker' as Docker's own overlay, which Kubernetes does not use", () => {
    const rest = ' The CNI plugin gives every pod an IP, between the nodes VXLAN (Flannel) or BGP routes (Calico), and all pods talk without NAT.'
    expect(gradeByRubric('review-q4', `Kubernetes does not use the overlay driver of Docker.${rest}`).verdict).toBe('correct')
    expect(gradeByRubric('review-q4', `Kubernetes doesn't use the overlay network from Swarm.${rest}`).verdict).toBe('correct')
    // near miss: Kubernetes said to use no overlay at all, with NAT between nodes, is still wrong
    expect(gradeByRubric('review-q4', 'Kubernetes does not use an overlay: pods on different nodes reach each other through the node NAT.').verdict).toBe('incorrect')
  })

  it("credits q3's LAN presence as the phone analogy: its own line, its own number in the directory", () => {
    const use = ' You want that when an old program insists on being its own machine.'
    expect(gradeByRubric('review-q3', `Macvlan gives a container its own phone line, not the host's switchboard.${use}`).verdict).toBe('correct')
    expect(gradeByRubric('review-q3', `With macvlan the container gets its own number in the directory, so callers ring it directly.${use}`).verdict).toBe('correct')
    expect(gradeByRubric('review-q3', `Macvlan is like giving the container a dedicated extension.${use}`).verdict).toBe('correct')
    // near miss: a phone that is shared with the host is not a line of its own
    expect(gradeByRubric('review-q3', 'Macvlan shares the host phone line with the container, so everything goes through the host.').verdict).not.toBe('correct')
  })
})

describe('answers that are not answers', () => {
  it.each(REVIEW_QUESTION_IDS)('%s: empty, whitespace and "idk" are incorrect with one sentence of feedback', (id) => {
    for (const text of ['', '   \n ', 'idk']) {
      const grade = gradeByRubric(id, text)
      expect(grade).toMatchObject({ score: 0, verdict: 'incorrect' })
      expect(grade.feedback).toHaveLength(1)
    }
  })

  it('recognises a copy of the question', () => {
    const grade = gradeByRubric('review-q4', 'How do orchestrators like Kubernetes leverage overlay networks?')
    expect(grade.verdict).toBe('incorrect')
    expect(grade.feedback[0]).toMatch(/repeats the question/)
  })

  it("recognises a copy of the lesson's wording of the question", () => {
    const grade = gradeByRubric('review-q1', 'How does network traffic meant for a container reach it, and what part do Docker and the kernel each play?')
    expect(grade.verdict).toBe('incorrect')
    expect(grade.feedback[0]).toMatch(/repeats the question/)
  })

  it('recognises a list of terms with no claim', () => {
    const grade = gradeByRubric('review-q1', 'iptables DNAT veth docker0 bridge namespace conntrack masquerade')
    expect(grade.verdict).toBe('incorrect')
    expect(grade.feedback[0]).toMatch(/list of terms/)
  })

  it('recognises an answer to another review question', () => {
    const grade = gradeByRubric('review-q3', Q1_GOOD)
    expect(grade.verdict).toBe('incorrect')
    expect(grade.feedback[0]).toMatch(/different review question/)
  })

  it('takes an answer that meets the bar of its own question as an answer to it, however much of another it covers', () => {
    const answer =
      "With bridge the container has its own namespace and IP: the host's kernel receives the packet, an iptables DNAT rule rewrites " +
      'the destination for each -p, then docker0 and the veth carry it into the namespace, and conntrack un-NATs the replies. That ' +
      "isolation costs the NAT and the veth hop. Host mode has no isolation at all: the container's ports clash with the host's and -p is ignored."
    expect(gradeByRubric('review-q2', answer).verdict).toBe('correct')
    // the same packet path alone is still an answer to the first question, not the second
    expect(gradeByRubric('review-q2', Q1_GOOD).feedback[0]).toMatch(/different review question/)
  })
})

describe('gradeWithRubric on a small inline rubric', () => {
  const rubric = compileRubric(
    RubricSchema.parse({
      questionId: 'review-q1',
      question: 'What does the kernel do with a published port?',
      sections: { nat: '/lessons/demo#nat' },
      concepts: { dnat: ['rewrite destination', 'dnat'], kernel: ['kernel'] },
      points: [
        { id: 'rewrite', label: 'rewrites', claims: [{ all: ['kernel', 'dnat'] }], feedback: 'Say that the kernel rewrites the destination.', section: 'nat' },
      ],
      wrongClaims: [
        { id: 'no-rewrite', label: 'denies it', central: true, claims: [{ all: ['kernel', 'dnat'], negated: true }], feedback: 'The kernel does rewrite the destination.', section: 'nat' },
      ],
      verdict: { correctAll: ['rewrite'] },
      praise: 'Right, that is the whole point.',
    }),
  )

  it.each([
    ['The kernel rewrites the destination of the packet.', 'correct'],
    ['The kernel does not rewrite the destination.', 'incorrect'],
    ["The kernel doesn't do DNAT here, it never rewrites the destination.", 'incorrect'],
    ['The kernel is not slow, and it does DNAT.', 'correct'],
    ['The kernel forwards it. Something else rewrites the destination.', 'incorrect'],
  ])('%j → %s', (text, verdict) => {
    expect(gradeWithRubric(rubric, text).verdict).toBe(verdict)
  })
})

describe('properties', () => {
  it('is deterministic, in range, and always explains itself', () => {
    fc.assert(
      fc.property(fc.constantFrom(...REVIEW_QUESTION_IDS), fc.string({ maxLength: 300 }), (id, text) => {
        const a = gradeByRubric(id, text)
        expect(gradeByRubric(id, text)).toEqual(a)
        expect(a.score).toBeGreaterThanOrEqual(0)
        expect(a.score).toBeLessThanOrEqual(1)
        expect(a.feedback.length).toBeGreaterThan(0)
      }),
      { numRuns: 200 },
    )
  })

  it('keeps score bands apart so scores never contradict verdicts', () => {
    const words = ['kernel', 'DNAT', 'veth', 'docker0', 'not', 'host', 'bridge', 'NAT', 'isolation', 'VXLAN', 'macvlan', 'MAC', 'the', 'is', 'and', 'no', 'pods', 'own', 'IP', '.']
    fc.assert(
      fc.property(fc.constantFrom(...REVIEW_QUESTION_IDS), fc.array(fc.constantFrom(...words), { maxLength: 40 }), (id, list) => {
        const { score, verdict } = gradeByRubric(id, list.join(' '))
        const band = verdict === 'correct' ? [0.8, 1] : verdict === 'partial' ? [0.3, 0.75] : [0, 0.25]
        expect(score).toBeGreaterThanOrEqual(band[0] as number)
        expect(score).toBeLessThanOrEqual(band[1] as number)
      }),
      { numRuns: 200 },
    )
  })
})

describe('round 10: q4 wrong claims by family, with near misses', () => {
  const verdicts = (answers: readonly string[]) => answers.map((a) => gradeByRubric('review-q4', a).verdict)

  it('refuses the overlay taken for a load balancer, proxy, ingress, DNS or VLAN, in prose, notes and tables', () => {
    expect(
      verdicts([
        'The overlay acts as a load balancer: it takes every request and spreads it over the pods, so each pod has its own IP.',
        'Kubernetes uses the overlay as a DNS: the overlay resolves pod names to the nodes, and every pod has its own IP.',
        'overlay = the ingress, routes by hostname to the pods\nevery pod gets its own IP',
        '| | overlay |\n|---|---|\n| layer | application (L7) |\n| works via | HTTP proxy between nodes |',
        'The overlay is basically a VLAN trunk between the nodes so pods on different nodes share one subnet.',
      ]),
    ).toEqual(['incorrect', 'incorrect', 'incorrect', 'incorrect', 'incorrect'])
  })

  it('leaves load balancing, DNS and ingress said to sit on top of the overlay alone', () => {
    expect(
      verdicts([
        'The overlay carries pod packets between nodes in VXLAN, so every pod has its own IP on any node. Load balancing and DNS are done by services and kube-proxy on top of the overlay, and an ingress controller is an L7 proxy in front of it.',
        'k8s uses a CNI plugin (calico/flannel) -> overlay across nodes -> vxlan encap -> each pod own IP, no NAT. ingress = L7 load balancer in front, separate from the overlay',
        'The overlay works like a big virtual switch across all nodes: VXLAN tunnels between the nodes carry the pod packets, so each pod gets its own IP.',
      ]),
    ).toEqual(['correct', 'correct', 'correct'])
  })

  it('refuses all containers put on one server, a default bridge stretched over the nodes, traffic kept local per host, pods reaching other nodes through NAT or NodePort', () => {
    expect(
      verdicts([
        'The orchestrator puts all the containers on one big server so they can share the same network.',
        'Kubernetes runs every pod on the same machine, so they all share one network and each has its own IP.',
        "The overlay is just Docker's default bridge stretched over the nodes, so every pod gets its own IP.",
        'Each node keeps its own network so everything stays local and separate per host; pods get their own IP.',
        '- every pod has its own IP\n- pods reach other nodes through the router with NAT',
        '- each node has its own docker0\n- pods reach pods on other nodes via NodePort\n- the overlay is only for the control plane',
        'Kubernetes uses the overlay to replicate data between nodes: it copies the writes of a volume to every node.',
      ]),
    ).toEqual(['incorrect', 'incorrect', 'incorrect', 'incorrect', 'incorrect', 'incorrect', 'incorrect'])
  })

  it('leaves spreading pods over nodes, a per-node range and traffic without NAT alone', () => {
    expect(
      verdicts([
        'Kubernetes spreads pods over many nodes. Flannel encapsulates pod traffic in VXLAN between hosts so each pod has its own IP and pods talk to pods on other nodes with no NAT.',
        'Flannel hands each node a separate range per node and tunnels pod packets in VXLAN between the nodes, so every pod gets its own IP and reaches any other pod.',
        'Pods on one node talk over the local bridge and traffic stays local on that node; pods on other nodes are reached through VXLAN tunnels between the nodes, so every pod has its own IP across the cluster.',
      ]),
    ).toEqual(['correct', 'correct', 'correct'])
  })
})

describe('round 10: q3 wrong claims by family, with near misses', () => {
  const verdicts = (answers: readonly string[]) => answers.map((a) => gradeByRubric('review-q3', a).verdict)

  it('refuses macvlan for Wi-Fi, for NAT/-p, for tunnels between hosts, a MAC in the image or tagging a VLAN, a layer-3-only bridge, speed or security as the reason', () => {
    expect(
      verdicts([
        'its so the container can use wifi, because wifi needs a real mac adress to connect',
        '| | macvlan | ipvlan |\n|---|---|---|\n| MAC | shares the host\'s | own |\n| use on | Wi-Fi | wired |',
        'The bridge driver needs the MAC of the container to do the port forwarding, so macvlan is required when you use -p.',
        'A real MAC lets containers on different hosts talk: macvlan tunnels the frames between the hosts, like an overlay.',
        '- the mac address is burned into the container image\n- so the container keeps the same address on every host',
        'You need macvlan to put containers on separate VLANs; the MAC address is what tags the VLAN.',
        'Bridge networks work at layer 3 only, so containers there have no MAC; macvlan gives them a real MAC for ARP.',
        'macvlan gives the container its own MAC address, but the point is performance: it is faster than host mode.',
        'A real MAC makes the container more secure, because the switch can check it. That is why you use macvlan.',
      ]),
    ).toEqual(Array(9).fill('incorrect'))
  })

  it('leaves Wi-Fi as a caveat, -p and NAT as what macvlan skips, a VLAN parent, a pinned MAC, speed and safety said beside LAN presence alone', () => {
    expect(
      verdicts([
        'On Wi-Fi use ipvlan instead, since the access point accepts only one MAC; macvlan gives each container its own MAC on the wired LAN, so legacy apps see a real device.',
        'With -p the bridge needs NAT; macvlan needs no -p: the container has its own MAC and LAN IP, handy for a DHCP server.',
        'Each container on a macvlan network has its own MAC, so the switch sees it as a separate device on the LAN; a licence server that checks the MAC keeps working if you pin the MAC with --mac-address.',
        "Bridge containers also have MACs on docker0, but only the host sees them; macvlan puts the container's own MAC on the LAN so other machines see a real device, e.g. for a DHCP server.",
        "It's a bit faster than bridge since there's no NAT, but the point is LAN presence: its own MAC and IP on the LAN, for legacy apps.",
        'A bridge is safer, but macvlan gives the container its own MAC on the LAN so a legacy app sees a real device.',
        'With a parent like eth0.50 macvlan puts containers on VLAN 50 with their own MAC and LAN IP, so other machines reach them directly.',
        'Unlike an overlay, macvlan does not tunnel anything: the container gets its own MAC on the LAN and other machines reach it directly, e.g. a DHCP server.',
        'Macvlan is not more secure than bridge: it gives the container its own MAC and IP on the LAN so other devices reach it directly, for a monitoring tool.',
      ]),
    ).toEqual(Array(9).fill('correct'))
  })
})

describe('q4: a node\'s own pod subnet is a true detail, separate per-node networks a wrong claim', () => {
  const answer =
    'Kubernetes uses a CNI plugin such as Flannel that builds an overlay across all nodes: every pod gets its own IP and ' +
    'reaches pods on other nodes directly, without NAT, because packets are encapsulated in VXLAN between the nodes.'
  it('credits an answer that adds that each node gets its own pod subnet (how Flannel allocates addresses)', () => {
    for (const detail of [' Flannel gives each node its own pod subnet.', ' Each node gets its own /24 subnet out of the cluster range.']) {
      expect(gradeByRubric('review-q4', answer + detail).verdict).toBe('correct')
    }
  })
  it('still refuses networks kept apart per node (near miss)', () => {
    expect(gradeByRubric('review-q4', 'Each node has its own separate network, so pods only talk to pods on the same node; the overlay keeps node networks apart.').verdict).toBe('incorrect')
  })
})

describe("'rarely', 'seldom', 'hardly' deny like 'not'", () => {
  const gives = "macvlan gives the container its own MAC and LAN IP, so it is reachable directly without NAT; useful for legacy apps that must look like their own machine. "
  it('reads "it rarely works on Wi-Fi" as the Wi-Fi caveat', () => {
    for (const caveat of ['It rarely works on Wi-Fi.', 'It seldom works on Wi-Fi or in clouds.', 'It hardly ever works over Wi-Fi.']) {
      expect(gradeByRubric('review-q3', gives + caveat).verdict).toBe('correct')
    }
  })
  it('still refuses the claim that it works on Wi-Fi (near miss)', () => {
    expect(gradeByRubric('review-q3', `${gives}It works fine on Wi-Fi and in any cloud.`).verdict).not.toBe('correct')
  })
})

describe('q3: reachable from other machines is a vague LAN presence', () => {
  it('grades "reachable / contacted from other computers" partial, not incorrect', () => {
    for (const answer of [
      'Use it when the container must be reachable from other computers in the office.',
      'It means the container can be contacted by other devices on the network.',
    ]) {
      expect(gradeByRubric('review-q3', answer).verdict).toBe('partial')
    }
  })
  it('does not credit the container reaching out, or being reached by other containers (near misses)', () => {
    for (const answer of [
      'So that the container can reach other machines on the network.',
      'It lets the container be reached from other containers on the bridge.',
    ]) {
      expect(gradeByRubric('review-q3', answer).verdict).toBe('incorrect')
    }
  })
})

describe('q1: Docker writing rules so that traffic gets to the container is a vague DNAT', () => {
  it('grades rules Docker writes so traffic reaches the container partial', () => {
    for (const answer of [
      'Docker creates some iptables rules when the container starts, so that packets reach the container.',
      'The engine installs firewall rules, which is how requests end up at the right container.',
    ]) {
      expect(gradeByRubric('review-q1', answer).verdict).toBe('partial')
    }
  })
  it('does not credit an INPUT-chain accept, a firewall that lets a port through, or rules that keep intruders out (near misses)', () => {
    for (const answer of [
      'Docker adds ACCEPT rules in the INPUT chain and then the host hands the packet to the app in the container.',
      'The host firewall lets the port through and then traffic goes to the container.',
      'Docker adds firewall rules to keep hackers out of the container.',
    ]) {
      expect(gradeByRubric('review-q1', answer).verdict).toBe('incorrect')
    }
  })
})

describe('q4: pods on all the servers or computers span several hosts, as on all the nodes', () => {
  it('credits pods on all the computers joined into one network', () => {
    expect(gradeByRubric('review-q4', 'Kubernetes uses it so the pods on all the computers are joined into one network.').verdict).toBe('partial')
  })
  it('does not credit containers copied to all the servers (near miss)', () => {
    expect(gradeByRubric('review-q4', 'It copies the containers to all the servers so that each server keeps a backup.').verdict).toBe('incorrect')
  })
})

describe('q4: pods that share one address space are not pods that share one address', () => {
  const how = ' The CNI plug-in encapsulates traffic between the nodes in VXLAN, so every pod keeps its own IP without NAT.'
  it('credits pods on other nodes sharing one address space (a flat network)', () => {
    expect(gradeByRubric('review-q4', `Thanks to the overlay, pods on separate machines share a single address space.${how}`).verdict).toBe('correct')
  })
  it('still refuses pods on other nodes sharing one address (near miss)', () => {
    expect(gradeByRubric('review-q4', 'Containers on separate hosts share a single address, the one of their node.').verdict).toBe('incorrect')
  })
})

describe("q2: host mode's ease (nothing to set up, no ports to think about) is a vague upside", () => {
  it('grades host mode as the easy option partial', () => {
    for (const answer of ['With host you do not have to bother with ports at all.', 'Pick host if you want the easiest setup.']) {
      expect(gradeByRubric('review-q2', answer).verdict).toBe('partial')
    }
  })
  it('does not credit the same ease said of the bridge (near misses)', () => {
    for (const answer of ["With bridge you don't have to think about ports clashing.", 'The bridge driver is the easy option for most people.']) {
      expect(gradeByRubric('review-q2', answer).verdict).toBe('incorrect')
    }
  })
})

describe('q1: translating addresses or ports (between host and container) is a vague NAT', () => {
  it('grades "translates addresses / translates between" partial', () => {
    for (const answer of ['The host translates addresses for the containers, a bit like a home router.', "It translates between the host's port and the container's."]) {
      expect(gradeByRubric('review-q1', answer).verdict).toBe('partial')
    }
  })
  it('does not credit a name translated by DNS, or a denied translation (near misses)', () => {
    for (const answer of ["Docker translates the container's name into the right container with its DNS.", 'Nothing translates the ports: each container simply sits on the LAN.']) {
      expect(gradeByRubric('review-q1', answer).verdict).toBe('incorrect')
    }
  })
})

describe('q3: not having to share with the host is a vague LAN presence', () => {
  it('grades "does not need to share the host\'s address" partial', () => {
    expect(gradeByRubric('review-q3', "That way the container does not need to share the host's address.").verdict).toBe('partial')
  })
  it('does not credit sharing the host\'s stack, or the host not sharing (near misses)', () => {
    for (const answer of ["It lets the container share the host's network stack.", "So the host doesn't have to share its network card with anyone."]) {
      expect(gradeByRubric('review-q3', answer).verdict).toBe('incorrect')
    }
  })
})

describe('a verb of doing without ("skips", "drops", "loses", "lacks") right before a claim denies it', () => {
  const rest = ', so it is faster with no NAT, but two containers cannot use the same port. Bridge gives each container a private IP, at the cost of NAT overhead.'
  it('does not read "host mode skips / drops its own namespace" as host mode having one', () => {
    for (const opening of ['Host mode skips its own network namespace', 'Host mode drops the separate namespace']) {
      expect(gradeByRubric('review-q2', opening + rest).verdict).toBe('correct')
    }
  })
  it('still reads "host mode keeps its own namespace" as the wrong claim (near miss)', () => {
    expect(gradeByRubric('review-q2', `Host mode keeps its own network namespace${rest}`).verdict).toBe('incorrect')
  })
})

describe('"X does not work" denies X, as "X is not needed" does', () => {
  it('does not read "hiding it behind the host does not work" as macvlan hiding it behind NAT', () => {
    const answer =
      'Use it for a legacy app that other machines must reach at its own address: hiding it behind the host does not ' +
      'work, and macvlan gives it its own MAC and LAN IP. The host then needs a shim to reach it.'
    expect(gradeByRubric('review-q3', answer).verdict).toBe('correct')
  })
  it('still reads macvlan hiding the container behind the host as the wrong claim (near miss)', () => {
    expect(gradeByRubric('review-q3', 'macvlan hides the container behind the host, so it does work with NAT and -p like a bridge.').verdict).toBe('incorrect')
  })
})

describe('q3: the host reaching its containers given as what macvlan is for is a central wrong claim', () => {
  it('grades "macvlan is for the host to reach its containers (faster, more easily)" incorrect', () => {
    for (const answer of [
      'We pick macvlan so the Docker host can ping its own containers.',
      'The purpose of macvlan: the host machine can connect to every container quicker, no docker0 in between.',
      'A real MAC means the container is contacted from the host easier than over the bridge.',
    ]) {
      expect(gradeByRubric('review-q3', answer).verdict).toBe('incorrect')
    }
  })
  it('keeps "the host can also reach it" beside a right gist a minor slip: partial (near miss)', () => {
    const answer =
      'The container gets its own MAC and an address on the office LAN, so a scanner there finds it directly. ' +
      'The host can also talk to it like to any other machine.'
    expect(gradeByRubric('review-q3', answer).verdict).toBe('partial')
  })
  it('does not read the shim caveat as the host being the purpose (near miss)', () => {
    for (const answer of [
      'Own MAC and LAN IP, so the badge readers find it as a device. You have to use a macvlan shim so the host can reach it.',
      'Own MAC and LAN IP, so the badge readers find it as a device. Pick a helper interface, otherwise the host cannot reach it.',
    ]) {
      expect(gradeByRubric('review-q3', answer).verdict).not.toBe('incorrect')
    }
  })
})

describe('q3: avoiding NAT is the no-NAT point', () => {
  it('credits "avoid NAT / address translation / port mapping" as the no-NAT point (partial without the LAN presence)', () => {
    for (const answer of ['Mostly to avoid address translation on the way in.', 'It lets you avoid the port mapping step.']) {
      expect(gradeByRubric('review-q3', answer).verdict).toBe('partial')
    }
  })
  it('does not credit avoiding something else (near miss)', () => {
    for (const answer of ['Mostly to avoid the host firewall.', 'It avoids the switch altogether.']) {
      expect(gradeByRubric('review-q3', answer).verdict).toBe('incorrect')
    }
  })
})

describe('q3: the problem macvlan solves, set against it, is not said of macvlan', () => {
  const fix = ' macvlan hands each container a MAC of its own and an address on the office LAN, so the other machines talk to it directly.'
  it('grades an answer that opens with the trouble of hiding behind the host correct', () => {
    for (const problem of [
      // a gerund that names the trouble, and a verb of failure said of it
      "Hiding behind the host's NAT breaks UPnP and SSDP discovery.",
      "Living in the host's network stack means every app shares one MAC, so a licence tied to a MAC is useless.",
      'Containers stuck behind port mapping with -p are a problem for a NAS that expects to be found on the network.',
      // a condition whose sentence says what breaks
      "Per-device firewall rules and DHCP reservations stop working if all the containers hide behind the host's one MAC.",
      'When a container sits behind NAT, an mDNS responder in it cannot be found by the printers.',
      // what the answer's subject replaces, and the usual case in a clause of its own
      "Without macvlan, every container would share the host's MAC and sit behind its NAT, which legacy apps hate.",
      "ok so normally your container hides behind the host's NAT and the LAN never sees it, bad for a legacy app.",
      // a setting that opens the sentence
      'Behind NAT, the devices on the LAN never see the container, which a legacy app needs.',
      // something refused
      'Our old badge server refuses clients coming in through NAT.',
    ]) {
      expect(gradeByRubric('review-q3', `${problem}${fix}`).verdict, problem).toBe('correct')
    }
  })

  it('reads a bridge column, line or row set against macvlan as the bridge', () => {
    for (const notes of [
      '| bridge | macvlan |\n|---|---|\n| hides behind the host, reached via -p and NAT | own MAC, own IP on the LAN |\n| one MAC for all, no broadcasts | reached directly, gets broadcasts for discovery |',
      '| | bridge | macvlan |\n|---|---|---|\n| MAC seen on LAN | the host one | its own |\n| reached | through -p DNAT | directly at its LAN IP |\n| good for | web apps | a licence bound to a MAC |',
      "- bridge: behind the host's MAC and IP, inbound only via -p\n- macvlan: own MAC, own LAN IP, other devices reach it directly\n- use: a licence server bound to a MAC",
      "bridge: the switch only ever sees the host's MAC\nmacvlan: every container has its own MAC, so a DHCP reservation per container works",
    ]) {
      expect(gradeByRubric('review-q3', notes).verdict, notes).toBe('correct')
    }
  })

  it('still refuses macvlan said to go through NAT, to share the host stack or a bridge said to need real MACs (near misses)', () => {
    for (const answer of [
      'With macvlan you still publish the port with -p and Docker NATs it. The container gets its own MAC for legacy apps.',
      'If you use macvlan, the container still hides behind the host\'s NAT; it gets its own MAC for legacy apps.',
      "macvlan containers hide behind the host's NAT, which breaks discovery, but they get their own MAC for legacy apps.",
      "Without a shim, macvlan containers are reached through the host's NAT. They get their own MAC for legacy apps.",
      "Normally macvlan containers sit behind the host's NAT too. They get their own MAC for legacy apps.",
      'macvlan containers share the host\'s network stack, like --network host. They get their own MAC on the LAN for legacy apps.',
      'macvlan is needed because a bridge can\'t work without real MACs. It gives the container its own MAC on the LAN for legacy apps.',
      '| bridge | macvlan |\n|---|---|\n| own MAC, own LAN IP | hides behind the host, reached via -p |\n| reached directly | one MAC for all |',
      "- bridge: own MAC on the LAN, for legacy apps\n- macvlan: behind the host's NAT, reached via -p",
      // a condition with no trouble in it is said outright
      "You need a real MAC when the container runs in the host's network stack, for legacy apps.",
    ]) {
      expect(gradeByRubric('review-q3', answer).verdict, answer).toBe('incorrect')
    }
  })

  it('keeps a wrong claim a condition states outright, and a denial under "without macvlan" (near misses)', () => {
    expect(gradeByRubric('review-q3', "Without macvlan, containers can't reach the internet; it gives them their own MAC for legacy apps.").verdict).toBe('incorrect')
    // q2: a condition with no trouble in it says what the driver is for
    expect(gradeByRubric('review-q2', 'Host is for when you need raw speed, but its ports clash with the host. Bridge isolates each container, at the cost of NAT.').verdict).toBe('correct')
  })
})

describe('q3: rubric wordings next to the contrast', () => {
  it('reads "acts like a physical host on the network" as LAN presence, not as host networking', () => {
    const answer = 'The container behaves like a physical host on the network, with a MAC the switch learns and a LAN IP; handy for a monitoring probe.'
    expect(gradeByRubric('review-q3', answer).verdict).toBe('correct')
    // near miss: "like host networking" is still the host's stack
    expect(gradeByRubric('review-q3', 'It works like host networking, with a MAC the switch learns; handy for a monitoring probe.').verdict).toBe('incorrect')
  })
  it('reads a real MAC needed so the Docker host reaches the container as the host-reach purpose, but not the shim caveat', () => {
    for (const answer of ['The container needs a real MAC so the Docker host can talk to it directly.', 'real MAC needed so the host can ping the ctr over eth0']) {
      expect(gradeByRubric('review-q3', answer).verdict, answer).toBe('incorrect')
    }
    expect(gradeByRubric('review-q3', 'It gets its own MAC on the LAN so scanners find it as a device; you need a macvlan shim so the host can reach it.').verdict).not.toBe('incorrect')
  })
})
