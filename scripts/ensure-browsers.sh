#!/bin/sh
# Makes sure the test tools from Debian are here: chromium, firefox-esr, dnsmasq (the sandbox's resolver),
# dig, redis-server (the check server's shared store; the tests start their own on loopback), and
# iproute2/util-linux for the sealed network. Installs them with apt-get when run as root on
# Debian; otherwise says exactly what to install. No npm package downloads a browser.
set -eu
need=""
command -v chromium >/dev/null 2>&1 || need="$need chromium"
command -v firefox-esr >/dev/null 2>&1 || need="$need firefox-esr"
command -v dnsmasq >/dev/null 2>&1 || need="$need dnsmasq-base"
command -v dig >/dev/null 2>&1 || need="$need bind9-dnsutils"
command -v redis-server >/dev/null 2>&1 || need="$need redis-server"
command -v ip >/dev/null 2>&1 || need="$need iproute2"
command -v unshare >/dev/null 2>&1 || need="$need util-linux"
[ -z "$need" ] && { echo "browsers and tools: present ($(chromium --version 2>/dev/null | head -1); $(firefox-esr --version 2>/dev/null | head -1))"; exit 0; }
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing from Debian:$need"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # shellcheck disable=SC2086
  apt-get install -y -qq $need >/dev/null
  # Debian starts a system redis on 6379 when it installs one; the tests never use it.
  case "$need" in *redis-server*) (service redis-server stop || systemctl stop redis-server) >/dev/null 2>&1 || true ;; esac
  echo "installed:$need"
else
  echo "missing:$need" >&2
  echo "install them with: sudo apt-get update && sudo apt-get install -y$need" >&2
  exit 1
fi
