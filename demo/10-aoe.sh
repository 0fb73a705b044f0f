# AoE: a classic vbladed.conf imported (and its typo caught), then, as root, one image served by the built-in
# target in a network namespace, discovered and read from a second namespace over a veth pair.
set -u
say() { printf '\n$ %s\n' "$*"; }
run() { say "$*"; "$@"; echo "(exit $?)"; }

cat > vbladed.conf <<'CONF'
SHELF="0"     # must be numeric 0-254, default 0
# AOESLOT FILE MAC IFACE ALIAS
0 /home/apollo.img 00:16:E6:D3:ED:E5 eth1 apollo
CONF
run "$OPSKIT" aoe import vbladed.conf
printf '0 /home/apollo.img 00:16:E6:D3:ED:E51 eth1 apollo\n' >> vbladed.conf
run "$OPSKIT" aoe import vbladed.conf

if [ "$(id -u)" != 0 ] || ! command -v ip >/dev/null; then
  echo; echo "aoe: skipping the live part: it needs root and iproute2 to create network namespaces"
  exit 0
fi
ID=$(printf '%04x' $((RANDOM)))
S=okaoed${ID}s; C=okaoed${ID}c
cleanup() { [ -n "${PID:-}" ] && kill "$PID" 2>/dev/null; sleep 0.5; ip netns del "$S" 2>/dev/null; ip netns del "$C" 2>/dev/null; }
trap cleanup EXIT
ip netns add "$S"; ip netns add "$C"
ip link add "$S" type veth peer name "$C"
ip link set "$S" netns "$S"; ip link set "$C" netns "$C"
ip -n "$S" link set "$S" up; ip -n "$C" link set "$C" up
truncate -s 256M disk.img
say "ip netns exec $S $OPSKIT --no-config aoe serve -i $S --shelf 0 --slot 1 disk.img &"
ip netns exec "$S" "$OPSKIT" --no-config aoe serve -i "$S" --shelf 0 --slot 1 --state-dir state disk.img & PID=$!
for _ in $(seq 40); do ip netns exec "$C" aoecfg -t 1 "$C" 2>/dev/null | grep -q '^0.1' && break; sleep 0.25; done
run ip netns exec "$C" "$OPSKIT" --no-config aoe discover -i "$C"
run ip netns exec "$C" "$OPSKIT" --no-config aoe bench -i "$C" 0.1 --write 32 --verify 32 --read 64
run ip netns exec "$C" aoeping -I -s 2 0 1 "$C"
