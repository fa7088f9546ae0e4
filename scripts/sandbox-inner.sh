#!/bin/sh
# Lays out the sealed network (run by sandbox.sh inside fresh namespaces), then runs the command.
# Addresses are public-looking, so the extension treats them as a real "public IP"; they exist only here:
#   lv1 11.22.33.1, 2a0d:5600:ff::1   the check server ("the internet")
#   lv0 11.22.33.44                   the browser's side ("your connection")
#   lv0 11.22.33.53                   the test resolver's outgoing address
#   lv1 11.22.33.2                    the fake third-party STUN server
#   lv1 1.0.0.1                       the fake Cloudflare trace (its URL is an IP literal)
set -eu
ip link set lo up
ip link add lv0 type veth peer name lv1
# No IPv6 link-local autoconfig: an address appearing later makes Chromium abort requests (ERR_NETWORK_CHANGED).
ip link set lv0 addrgenmode none
ip link set lv1 addrgenmode none
ip addr add 11.22.33.44/24 dev lv0
ip addr add 11.22.33.53/24 dev lv0
ip addr add 11.22.33.1/24 dev lv1
ip addr add 11.22.33.2/24 dev lv1
ip addr add 1.0.0.1/32 dev lv1
# IPv6 source selection prefers the destination address itself for local targets (RFC 6724 rule 1),
# so over IPv6 the server sees its clients as 2a0d:5600:ff::1; the fakes agree with that.
ip -6 addr add 2a0d:5600:ff::1/64 dev lv1 nodad
ip link set lv0 up
ip link set lv1 up
# Connections to the server addresses are local (via lo); make them come from the client side.
for a in 11.22.33.1 11.22.33.2 1.0.0.1; do
  ip route change local "$a" dev lo table local proto kernel scope host src 11.22.33.44
done
# Firefox gathers ICE only on the default route's interface; this route leads to lv1, still inside.
ip route add default dev lv0 src 11.22.33.44
ip -6 route add default dev lv1
dir=$(mktemp -d /tmp/leakless-sandbox.XXXXXX)
echo "nameserver 127.0.0.1" > "$dir/resolv.conf"
mount --make-rprivate /
mount --bind "$dir/resolv.conf" /etc/resolv.conf
LEAKLESS_SANDBOX=1 exec "$@"
