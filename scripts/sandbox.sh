#!/bin/sh
# Runs a command in a sealed network: a fresh network namespace whose only links are loopback and a
# veth pair with BOTH ends inside it (browsers gather WebRTC candidates only on non-loopback links),
# and a mount namespace whose /etc/resolv.conf names the test resolver on 127.0.0.1.
# Nothing started inside can reach any other machine: there is no link out.
# The layout inside is in scripts/sandbox-inner.sh.
set -eu
if [ "$(id -u)" != 0 ]; then
  echo "sandbox: network namespaces need root here (unshare -n -m); run as root, e.g. in the CI container" >&2
  exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
exec unshare -n -m sh "$here/sandbox-inner.sh" "$@"
