#!/usr/bin/env bash
# Netloom SSH test bed: N Debian-like hosts as network namespaces, each with real OpenSSH sshd,
# real ifupdown2 and its own atd, reachable from the root namespace over a management veth.
#
#   bed.sh create N [--prefix P] [--slot S]   make hosts 1..N (idempotent: healthy hosts are kept)
#   bed.sh destroy [--prefix P]               remove everything the bed made (also after a failed run)
#   bed.sh cut K | heal K                     pull / replug host K's management cable
#   bed.sh cut-data K | heal-data K           same for host K's data port
#   bed.sh rekey K                            new host key for host K, sshd restarted (a "changed key")
#   bed.sh restart-sshd K                     restart host K's sshd (same key)
#   bed.sh exec K -- CMD...                   run CMD inside host K (its network + mount namespace)
#   bed.sh info [--prefix P]                  one line per host: K ns address port key fingerprint anchor
#   bed.sh status [--prefix P]                human-readable state of every host
#
# Needs root. Everything a bed makes is written to its state directory
# /run/netloom-bed/<prefix>/made *before* it is made, so `destroy` can undo a half-finished create.
# Host K of the bed in slot S (0..31, chosen automatically) has:
#   network namespace  <prefix>-K
#   management veth    root side <prefix>K-mgmt 10.(213+S).K.1/24  <->  host side eth0 10.(213+S).K.2/24
#   data veth          root side <prefix>K-data (no address)       <->  host side eth1 (manual)
#   /etc/network       /etc/netns/<prefix>-K/network   (interfaces + a copy of /etc/network/ifupdown2)
#   /etc/ssh           /etc/netns/<prefix>-K/ssh       (own host key, sshd_config)
#   /etc/passwd, group, shadow, sudoers, hosts   own copies, with users deploy and deploypw (see write_users)
#   /run, /var/tmp, /var/backups, /root, /home, /var/spool/cron/{atjobs,atspool}: per-host directories bind-mounted in a
#   private mount namespace (and UTS namespace: hostname <prefix>-K) held by an "anchor" process;
#   sshd and atd run inside it.
# The root namespace gets `unreachable 10.(213+S).0.0/16`, so traffic for a cut host fails fast
# instead of leaving by the default route.
set -euo pipefail

readonly BED_ROOT=/run/netloom-bed
readonly CLEAN_PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
PREFIX=${NETLOOM_BED_PREFIX:-nlbed}
SLOT=

die() { echo "bed: $*" >&2; exit 2; }
log() { [[ -n "${BED_QUIET:-}" ]] || echo "bed: $*" >&2; }

state_dir() { echo "$BED_ROOT/$PREFIX"; }
ns_name() { echo "$PREFIX-$1"; }
mgmt_link() { echo "$PREFIX$1-mgmt"; }
data_link() { echo "$PREFIX$1-data"; }
host_dir() { echo "$(state_dir)/h$1"; }
net_base() { echo "10.$((213 + $(cat "$(state_dir)/slot")))"; }
mgmt_addr() { echo "$(net_base).$1.2"; }
root_addr() { echo "$(net_base).$1.1"; }
anchor_pid() { cat "$(host_dir "$1")/anchor.pid" 2>/dev/null || true; }

check_prefix() {
  [[ "$PREFIX" =~ ^[a-z][a-z0-9]{0,6}$ ]] || die "prefix '$PREFIX': use 1-7 lowercase letters/digits, starting with a letter (interface names are limited to 15 characters)"
}
check_host() {
  [[ "$1" =~ ^[1-9][0-9]{0,2}$ && "$1" -le 250 ]] || die "host number '$1': use 1..250"
}
need_root() { [[ $EUID -eq 0 ]] || die "needs root (network namespaces, veth pairs, mounts)"; }

# Intent log: one line per thing, written before the thing is made.
record() { echo "$*" >>"$(state_dir)/made"; }

alive() { [[ -n "$1" ]] && kill -0 "$1" 2>/dev/null; }

# Runs a command inside host K: its network namespace and its private mount namespace,
# with a clean environment (root's own ~/.bashrc and PATH never leak in).
in_host() {
  local k=$1; shift
  local pid; pid=$(anchor_pid "$k")
  alive "$pid" || die "host $k of bed '$PREFIX' is not running"
  nsenter -t "$pid" -m -u -n -- env -i HOME=/root PATH="$CLEAN_PATH" LANG=C.UTF-8 USER=root LOGNAME=root "$@"
}

allocate_slot() {
  local dir; dir=$(state_dir)
  [[ -f "$dir/slot" ]] && return 0
  exec 9>"$BED_ROOT/.lock"
  flock 9
  local s
  if [[ -n "$SLOT" ]]; then
    [[ "$SLOT" =~ ^[0-9]+$ && "$SLOT" -le 31 ]] || die "slot '$SLOT': use 0..31"
    for f in "$BED_ROOT"/*/slot; do
      [[ -f "$f" && "$(cat "$f")" == "$SLOT" ]] && die "slot $SLOT is used by bed '$(basename "$(dirname "$f")")'"
    done
    s=$SLOT
  else
    for s in $(seq 0 31); do
      local used=
      for f in "$BED_ROOT"/*/slot; do [[ -f "$f" && "$(cat "$f")" == "$s" ]] && used=1; done
      [[ -z "$used" ]] && break
      [[ $s -eq 31 ]] && die "all 32 bed slots are in use (see: $0 status)"
    done
  fi
  echo "$s" >"$dir/slot"
  flock -u 9
}

write_interfaces() {
  local k=$1 file=$2
  cat >"$file" <<EOF
# Netloom test bed host $k
auto lo
iface lo inet loopback

auto eth0
iface eth0 inet static
    address $(mgmt_addr "$k")/24
    gateway $(root_addr "$k")

auto eth1
iface eth1 inet manual

source /etc/network/interfaces.d/*
EOF
}

write_sshd_config() {
  cat >"$1" <<'EOF'
# Netloom test bed sshd: key-only root login, no PAM, quick detection of dead peers.
Port 22
ListenAddress 0.0.0.0
HostKey /etc/ssh/ssh_host_ed25519_key
PidFile /run/sshd.pid
PermitRootLogin prohibit-password
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
AuthorizedKeysFile .ssh/authorized_keys
UsePAM no
UseDNS no
ClientAliveInterval 2
ClientAliveCountMax 2
MaxStartups 200
MaxSessions 64
PrintMotd no
Subsystem sftp internal-sftp
EOF
}

start_sshd() {
  in_host "$1" /usr/sbin/sshd -f /etc/ssh/sshd_config -E /run/sshd.log
}

stop_sshd() {
  local pidfile; pidfile="$(host_dir "$1")/run/sshd.pid"
  local pid; pid=$(cat "$pidfile" 2>/dev/null || true)
  if alive "$pid"; then
    kill "$pid"
    for _ in $(seq 50); do alive "$pid" || break; sleep 0.02; done
  fi
  rm -f "$pidfile"
}

# Users besides root on every host, both logging in with the bed key: `deploy` (sudo without a
# password) and `deploypw` (sudo asks for BED_SUDO_PASSWORD). Each host has its own passwd, group,
# shadow, sudoers and hosts files (in /etc/netns/<ns>/, shown as /etc/<file> inside the host only)
# and its own /home.
readonly BED_SUDO_PASSWORD=netloom-bed
write_users() {
  local etc=$1 dir=$2 ns=$3 hash u
  hash=$(openssl passwd -6 "$BED_SUDO_PASSWORD")
  cp /etc/passwd /etc/group "$etc/"
  cp -p /etc/shadow "$etc/shadow"
  printf 'deploy:x:1100:1100:Netloom bed, sudo without password:/home/deploy:/bin/bash\n' >>"$etc/passwd"
  printf 'deploypw:x:1101:1101:Netloom bed, sudo with password:/home/deploypw:/bin/bash\n' >>"$etc/passwd"
  printf 'deploy:x:1100:\ndeploypw:x:1101:\n' >>"$etc/group"
  printf 'deploy:*:20000:0:99999:7:::\ndeploypw:%s:20000:0:99999:7:::\n' "$hash" >>"$etc/shadow"
  printf '127.0.0.1\tlocalhost\n127.0.1.1\t%s\n::1\tlocalhost ip6-localhost ip6-loopback\n' "$ns" >"$etc/hosts"
  if [[ -f /etc/sudoers ]]; then
    install -m 0440 /dev/null "$etc/sudoers"
    printf '%s\n' \
      'Defaults env_reset' \
      'Defaults secure_path="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"' \
      'root     ALL=(ALL:ALL) ALL' \
      'deploy   ALL=(ALL:ALL) NOPASSWD: ALL' \
      'deploypw ALL=(ALL:ALL) ALL' >"$etc/sudoers"
  fi
  for u in deploy:1100 deploypw:1101; do
    mkdir -p "$dir/users/${u%%:*}/.ssh"
    cp "$(state_dir)/id_ed25519.pub" "$dir/users/${u%%:*}/.ssh/authorized_keys"
    chown -R "${u#*:}:${u#*:}" "$dir/users/${u%%:*}"
    chmod 700 "$dir/users/${u%%:*}" "$dir/users/${u%%:*}/.ssh"
    chmod 600 "$dir/users/${u%%:*}/.ssh/authorized_keys"
  done
}

host_healthy() {
  local k=$1
  [[ -f "$(host_dir "$k")/ready" ]] || return 1
  alive "$(anchor_pid "$k")" || return 1
  alive "$(cat "$(host_dir "$k")/run/sshd.pid" 2>/dev/null || true)" || return 1
}

create_host() {
  local k=$1 dir ns mlink dlink etc
  dir=$(host_dir "$k"); ns=$(ns_name "$k"); mlink=$(mgmt_link "$k"); dlink=$(data_link "$k")
  etc=/etc/netns/$ns
  if host_healthy "$k"; then log "host $k ($ns) already up"; return 0; fi
  destroy_host "$k"

  record "dir $dir"
  mkdir -p "$dir"/{run/sshd,run/network,vartmp,backups,home/.ssh,atjobs,atspool}
  chmod 755 "$dir/run/sshd"; chmod 1777 "$dir/vartmp"; chmod 700 "$dir/home" "$dir/home/.ssh"
  cp "$(state_dir)/id_ed25519.pub" "$dir/home/.ssh/authorized_keys"
  chmod 600 "$dir/home/.ssh/authorized_keys"
  printf '0\n' >"$dir/atjobs/.SEQ"
  chown daemon:daemon "$dir/atjobs" "$dir/atspool" "$dir/atjobs/.SEQ"
  chmod 1770 "$dir/atjobs" "$dir/atspool"; chmod 600 "$dir/atjobs/.SEQ"

  record "etc $etc"
  mkdir -p "$etc/network/interfaces.d" "$etc/ssh"
  cp -a /etc/network/ifupdown2 "$etc/network/"
  write_interfaces "$k" "$etc/network/interfaces"
  write_sshd_config "$etc/ssh/sshd_config"
  cp -a /etc/ssh/ssh_config /etc/ssh/moduli "$etc/ssh/" 2>/dev/null || true
  ssh-keygen -q -t ed25519 -N '' -C "root@$ns" -f "$etc/ssh/ssh_host_ed25519_key"
  write_users "$etc" "$dir" "$ns"

  record "netns $ns"
  ip netns add "$ns"
  stat -L -c %i "/run/netns/$ns" >"$dir/netns.inode"
  record "link $mlink"
  ip link add "$mlink" type veth peer name eth0 netns "$ns"
  record "link $dlink"
  ip link add "$dlink" type veth peer name eth1 netns "$ns"
  ip addr add "$(root_addr "$k")/24" dev "$mlink"
  ip link set "$mlink" up
  ip link set "$dlink" up
  ip -n "$ns" link set lo up
  ip -n "$ns" addr add "$(mgmt_addr "$k")/24" dev eth0
  ip -n "$ns" link set eth0 up
  ip -n "$ns" link set eth1 up
  ip -n "$ns" route add default via "$(root_addr "$k")"

  # The anchor holds the host's private mount namespace; everything else enters it.
  setsid ip netns exec "$ns" unshare -m -u --propagation private sh -c '
    d=$1
    hostname "$2"
    set -e
    mount --bind "$d/vartmp" /var/tmp
    mount --bind "$d/backups" /var/backups
    mount --bind "$d/home" /root
    mount --bind "$d/users" /home
    mount --bind "$d/atjobs" /var/spool/cron/atjobs
    mount --bind "$d/atspool" /var/spool/cron/atspool
    exec 3>"$d/anchor.pid.tmp"
    mount --bind "$d/run" /run   # last: it hides the state directory itself
    echo $$ >&3
    exec 3>&-
    exec sleep infinity' anchor "$dir" "$ns" </dev/null >/dev/null 2>"$dir/anchor.err" &
  for _ in $(seq 250); do [[ -s "$dir/anchor.pid.tmp" ]] && break; sleep 0.02; done
  [[ -s "$dir/anchor.pid.tmp" ]] || die "host $k: mount namespace did not come up: $(cat "$dir/anchor.err")"
  mv "$dir/anchor.pid.tmp" "$dir/anchor.pid"
  record "pid $(anchor_pid "$k")"

  start_sshd "$k"
  in_host "$k" /usr/sbin/atd
  touch "$dir/ready"
  log "host $k ($ns) up at $(mgmt_addr "$k")"
}

# Kills every process whose network namespace is one of the given inodes (sshd, atd, sessions,
# detached sleepers, the anchor): found by namespace inode, so it works even if the name is gone.
kill_netns_processes() {
  local inodes=" $* " pids
  [[ -n "${*// /}" ]] || return 0
  for _ in 1 2 3 4 5; do
    mapfile -t pids < <(stat -L -c '%i %n' /proc/[0-9]*/ns/net 2>/dev/null |
      awk -v want="$inodes" 'index(want, " " $1 " ") { split($2, p, "/"); print p[3] }')
    [[ ${#pids[@]} -eq 0 ]] && return 0
    kill -KILL "${pids[@]}" 2>/dev/null || true
    sleep 0.05
  done
}

netns_inode() { stat -L -c %i "/run/netns/$1" 2>/dev/null || true; }

destroy_host() {
  local k=$1 dir ns
  dir=$(host_dir "$k"); ns=$(ns_name "$k")
  kill_netns_processes "$(cat "$dir/netns.inode" 2>/dev/null || true)" "$(netns_inode "$ns")"
  [[ -e /run/netns/$ns ]] && ip netns del "$ns" 2>/dev/null || true
  ip link del "$(mgmt_link "$k")" 2>/dev/null || true
  ip link del "$(data_link "$k")" 2>/dev/null || true
  rm -rf "/etc/netns/$ns" "$dir"
}

cmd_create() {
  local n=${1:-}; [[ "$n" =~ ^[0-9]+$ && "$n" -ge 1 && "$n" -le 250 ]] || die "usage: create N (1..250) [--prefix P]"
  need_root
  local dir; dir=$(state_dir)
  mkdir -p "$dir"
  touch "$dir/made"
  allocate_slot
  [[ -f "$dir/id_ed25519" ]] || ssh-keygen -q -t ed25519 -N '' -C "netloom-bed-$PREFIX" -f "$dir/id_ed25519"
  local route; route="unreachable $(net_base).0.0/16"
  grep -qxF "route $route" "$dir/made" || record "route $route"
  ip route replace $route
  # Hosts are independent: make them a few at a time, then report every failure.
  local k failed=0 running=0
  for k in $(seq 1 "$n"); do
    create_host "$k" &
    running=$((running + 1))
    if [[ $running -ge 4 ]]; then wait -n || failed=1; running=$((running - 1)); fi
  done
  while [[ $running -gt 0 ]]; do wait -n || failed=1; running=$((running - 1)); done
  [[ $failed -eq 0 ]] || die "some hosts failed (see above); run: $0 destroy --prefix $PREFIX"
  write_known_hosts
  echo "$n" >"$dir/count"
}

write_known_hosts() {
  local dir; dir=$(state_dir)
  : >"$dir/known_hosts.tmp"
  for h in "$dir"/h*; do
    [[ -f "$h/ready" ]] || continue
    local k=${h##*/h}
    echo "$(mgmt_addr "$k") $(cut -d' ' -f1,2 "/etc/netns/$(ns_name "$k")/ssh/ssh_host_ed25519_key.pub")" >>"$dir/known_hosts.tmp"
  done
  mv "$dir/known_hosts.tmp" "$dir/known_hosts"
}

# Removes what carries this bed's names but is not in an intent log (its state directory was
# removed by hand): namespaces <prefix>-K with their processes, links <prefix>K-mgmt/-data,
# /etc/netns/<prefix>-K.
sweep_by_name() {
  local names=() ns link etc inodes=()
  mapfile -t names < <(ip netns list | awk '{print $1}' | grep -E "^$PREFIX-[0-9]+\$" || true)
  for ns in "${names[@]+"${names[@]}"}"; do inodes+=($(netns_inode "$ns")); done
  kill_netns_processes "${inodes[@]+"${inodes[@]}"}"
  for ns in "${names[@]+"${names[@]}"}"; do ip netns del "$ns" 2>/dev/null || true; done
  for link in $(ip -o link show | awk -F': ' '{print $2}' | sed 's/@.*//' | grep -E "^$PREFIX[0-9]+-(mgmt|data)\$" || true); do
    ip link del "$link" 2>/dev/null || true
  done
  for etc in /etc/netns/"$PREFIX"-*; do
    [[ "$etc" =~ ^/etc/netns/$PREFIX-[0-9]+$ ]] && rm -rf "$etc"
  done
  remove_orphan_routes
}

# An `unreachable 10.(213+S).0.0/16` route whose slot S no bed claims is a leftover: remove it
# (under the slot lock, so a bed being created keeps its route).
remove_orphan_routes() {
  local net s used f
  exec 9>"$BED_ROOT/.lock"
  flock 9
  for net in $(ip route show type unreachable | awk '{print $2}' | grep -E '^10\.(2[1-4][0-9])\.0\.0/16$' || true); do
    s=$(( $(cut -d. -f2 <<<"$net") - 213 ))
    (( s >= 0 && s <= 31 )) || continue
    used=
    for f in "$BED_ROOT"/*/slot; do [[ -f "$f" && "$(cat "$f")" == "$s" && "$f" != "$(state_dir)/slot" ]] && used=1; done
    [[ -n "$used" ]] || ip route del unreachable "$net" 2>/dev/null || true
  done
  flock -u 9
}

cmd_destroy() {
  need_root
  local dir; dir=$(state_dir)
  [[ -d "$dir" ]] || { sweep_by_name; log "no bed '$PREFIX' (swept leftovers by name)"; return 0; }
  # First end every process of every host, then undo the intent log in reverse order;
  # every step tolerates "already gone".
  local kind arg inodes=()
  inodes+=($(cat "$dir"/h*/netns.inode 2>/dev/null || true))
  if [[ -f "$dir/made" ]]; then
    while read -r kind arg; do
      [[ $kind == netns ]] && inodes+=($(netns_inode "$arg"))
    done <"$dir/made"
  fi
  kill_netns_processes "${inodes[@]+"${inodes[@]}"}"
  if [[ -f "$dir/made" ]]; then
    while read -r kind arg; do
      case $kind in
        netns) ip netns del "$arg" 2>/dev/null || true ;;
        link) ip link del "$arg" 2>/dev/null || true ;;
        route) ip route del $arg 2>/dev/null || true ;;
        pid) kill -KILL "$arg" 2>/dev/null || true ;;
        etc) rm -rf "$arg" ;;
        dir) ;;
      esac
    done < <(tac "$dir/made")
  fi
  sweep_by_name
  rm -rf "$dir"
  log "bed '$PREFIX' destroyed"
}

link_state() {
  local k=$1 link=$2 state=$3
  need_root
  check_host "$k"
  ip link show "$link" >/dev/null 2>&1 || die "host $k of bed '$PREFIX' has no link $link"
  ip link set "$link" "$state"
}

cmd_rekey() {
  local k=$1 etc; check_host "$k"; etc=/etc/netns/$(ns_name "$k")/ssh
  [[ -d "$etc" ]] || die "host $k of bed '$PREFIX' does not exist"
  rm -f "$etc/ssh_host_ed25519_key" "$etc/ssh_host_ed25519_key.pub"
  ssh-keygen -q -t ed25519 -N '' -C "root@$(ns_name "$k")" -f "$etc/ssh_host_ed25519_key"
  stop_sshd "$k"; start_sshd "$k"
  write_known_hosts
}

cmd_info() {
  local dir; dir=$(state_dir)
  [[ -f "$dir/slot" ]] || die "no bed '$PREFIX'"
  for h in "$dir"/h*; do
    [[ -f "$h/ready" ]] || continue
    local k=${h##*/h} pub
    pub=/etc/netns/$(ns_name "$k")/ssh/ssh_host_ed25519_key.pub
    printf '%s %s %s %s %s %s\n' "$k" "$(ns_name "$k")" "$(mgmt_addr "$k")" 22 \
      "$(ssh-keygen -l -f "$pub" | cut -d' ' -f2)" "$(anchor_pid "$k")"
  done | sort -n
}

status_host() {
  local k=$1 h m d s a
  h=$(host_dir "$k")
  m=$(ip -br link show "$(mgmt_link "$k")" 2>/dev/null | awk '{print $2}')
  d=$(ip -br link show "$(data_link "$k")" 2>/dev/null | awk '{print $2}')
  alive "$(cat "$h/run/sshd.pid" 2>/dev/null || true)" && s=up || s=down
  alive "$(anchor_pid "$k")" && a=up || a=down
  printf '  host %-3s %-10s %-15s mgmt %-5s data %-5s sshd %-4s anchor %s\n' \
    "$k" "$(ns_name "$k")" "$(mgmt_addr "$k")" "${m:-none}" "${d:-none}" "$s" "$a"
}

cmd_status() {
  local any= dir h
  for dir in "$BED_ROOT"/*/; do
    [[ -f "$dir/slot" ]] || continue
    any=1
    PREFIX=$(basename "$dir")
    echo "bed '$PREFIX' (slot $(cat "$dir/slot"), key ${dir}id_ed25519, known_hosts ${dir}known_hosts)"
    for h in "$dir"h*; do
      [[ -d "$h" ]] && status_host "${h##*/h}"
    done | sort -k2n
  done
  [[ -n "$any" ]] || echo "no beds"
}

main() {
  local cmd=${1:-}; [[ $# -gt 0 ]] && shift
  local args=()
  while [[ $# -gt 0 ]]; do
    case $1 in
      --prefix) PREFIX=${2:-}; shift 2 ;;
      --prefix=*) PREFIX=${1#*=}; shift ;;
      --slot) SLOT=${2:-}; shift 2 ;;
      --) shift; args+=(--); args+=("$@"); break ;;
      *) args+=("$1"); shift ;;
    esac
  done
  check_prefix
  mkdir -p "$BED_ROOT"
  set -- "${args[@]+"${args[@]}"}"
  case $cmd in
    create) cmd_create "$@" ;;
    destroy) cmd_destroy ;;
    cut) link_state "${1:-}" "$(mgmt_link "${1:-}")" down ;;
    heal) link_state "${1:-}" "$(mgmt_link "${1:-}")" up ;;
    cut-data) link_state "${1:-}" "$(data_link "${1:-}")" down ;;
    heal-data) link_state "${1:-}" "$(data_link "${1:-}")" up ;;
    rekey) cmd_rekey "${1:-}" ;;
    restart-sshd) check_host "${1:-}"; stop_sshd "$1"; start_sshd "$1" ;;
    exec)
      local k=${1:-}; check_host "$k"; shift
      [[ "${1:-}" == -- ]] && shift
      [[ $# -gt 0 ]] || die "usage: exec K -- CMD..."
      in_host "$k" "$@" ;;
    info) cmd_info ;;
    status) cmd_status ;;
    *) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
  esac
}

main "$@"
