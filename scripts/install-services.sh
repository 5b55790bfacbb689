#!/usr/bin/env bash
# Installs the real servers the tests start on loopback (Debian packages): PostgreSQL and Redis,
# and Chromium for the browser tests of the widget (Playwright drives /usr/bin/chromium).
# The tests start and stop their own instances in temporary folders; nothing runs as a system
# service. Without root or apt, the tests that need them are skipped with the reason shown.
set -u
need=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
[ -x /usr/bin/chromium ] || need+=(chromium)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
  echo "note: cannot install ${need[*]} (needs root and apt-get); the tests that need them will be skipped."
  exit 0
fi
echo "installing ${need[*]} (Debian packages) for the tests..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null \
  || echo "note: apt-get install ${need[*]} failed; the tests that need them will be skipped."
# Debian starts a cluster on install; the tests use their own, so stop the system one.
command -v pg_ctlcluster >/dev/null && for c in $(ls /etc/postgresql 2>/dev/null); do
  pg_ctlcluster --force "$c" main stop 2>/dev/null || true; done
service redis-server stop >/dev/null 2>&1 || true
exit 0
