/**
 * The shell scripts the Debian/Proxmox driver runs on a host. Each script is
 * a constant: every value (token, paths, window, owner) reaches it as a
 * positional parameter of `sh -c SCRIPT NAME ARG...`, which the session
 * quotes, so nothing from a design is ever spliced into shell code.
 *
 * State on the host, all under the lock folder so that releasing the lock
 * clears it (per host in the test bed, whose hosts each have their own /run):
 *   /run/netloom.lock/owner          token, owner, since, expires (epoch s)
 *   /run/netloom.lock/target         the file being replaced
 *   /run/netloom.lock/backup         the live file as it was (the rollback restores it)
 *   /run/netloom.lock/files          companion files installed with it, one path a line (STAGE)
 *   /run/netloom.lock/backup.N       the N-th companion as it was (absent: the rollback removes it)
 *   /run/netloom.lock/gate           present when `pve-firewall compile` gates the change
 *   /run/netloom.lock/armed.TOKEN    present while the rollback is armed;
 *                                    confirm and rollback race for it with one rename
 *   /run/netloom.lock/deadline       epoch second at which the rollback fires
 *   /run/netloom.lock/timer          how it was armed: `systemd UNIT`, `at JOB` or `setsid PID`
 *   /run/netloom.lock/rollback       the rollback script (ROLLBACK below)
 *   /run/netloom.lock/apply.rc, apply.log   result of the detached `ifreload -a`
 *   /run/netloom.last                outcome of the last deploy (confirmed / rolled-back;
 *                                    `files=ok|differ`: every companion restored byte for byte)
 * Persistent backups: /var/backups/netloom/interfaces.STAMP (and NAME.STAMP per
 * companion), the newest KEEP of each name kept.
 *
 * Scripts talk back on standard error with lines starting `@netloom `
 * (progress steps, command output, verdicts); standard output carries only
 * the live file (PREPARE).
 */

/** Exit codes the scripts use; the driver maps them to outcomes. */
export const SCRIPT_EXIT = {
  ok: 0,
  notArmed: 3,
  healthFailed: 4,
  unchanged: 10,
  badArgument: 64,
  candidateRejected: 65,
  cannotRead: 66,
  applyFailed: 70,
  applyTimeout: 71,
  cannotWrite: 73,
  locked: 75,
} as const;

/** A shell script written as a template; `\${` in the source is the shell's `${` (no interpolation). */
function sh(strings: TemplateStringsArray): string {
  return strings.raw.join('').replaceAll('\\${', '${');
}

const PRELUDE = sh`set -u
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
LC_ALL=C
export PATH LC_ALL
lock=/run/netloom.lock
# The companion files of this deploy, one path a line (none before STAGE).
companions() { [ ! -f "$lock/files" ] || cat "$lock/files"; }
say() { printf '@netloom %s\n' "$*" >&2; }
quote_output() { sed 's/^/@netloom out /' >&2; }
check_token() { case $1 in ''|*[!0-9a-f]*) say error "bad token"; exit 64;; esac; }
temp_of() { printf '%s/.%s.netloom-%s' "$(dirname "$1")" "$(basename "$1")" "$2"; }
cancel_timer() {
  [ -f "$lock/timer" ] || return 0
  read -r kind id < "$lock/timer"
  case $kind in
    systemd) systemctl stop "$id.timer" >/dev/null 2>&1 ;;
    at) atrm "$id" >/dev/null 2>&1 ;;
    setsid) kill -- "-$id" >/dev/null 2>&1 ;;
  esac
  return 0
}
`;

/**
 * Lock, read, upload, check. Args: TOKEN TARGET OWNER LEASE_S [hold]; stdin: the candidate.
 * Stdout: the live file. Exits 0 (prepared, lock held), 10 (unchanged, lock
 * released), 65 (rejected, lock released), 75 (locked by another deploy).
 * With `hold` an unchanged file keeps the lock and goes on (companions follow: STAGE).
 */
export const PREPARE =
  PRELUDE +
  sh`
token=$1 target=$2 owner=$3 lease=$4 hold=\${5:-}
check_token "$token"
say step lock running
now=$(date +%s)
if ! mkdir -m 700 "$lock" 2>/dev/null; then
  holder=$(sed -n 's/^owner=//p' "$lock/owner" 2>/dev/null)
  expires=$(sed -n 's/^expires=//p' "$lock/owner" 2>/dev/null)
  case $expires in ''|*[!0-9]*) expires= ;; esac
  if [ -n "$expires" ] && [ "$expires" -lt "$now" ] && mv "$lock" "$lock.stale-$token" 2>/dev/null; then
    rm -rf "$lock.stale-$token"
    mkdir -m 700 "$lock" 2>/dev/null || { say locked "another deploy took the lock"; exit 75; }
    broke="broke a stale lock of $holder (expired $((now - expires)) s ago)"
  else
    say locked "\${holder:-another deploy (starting)}, for up to $(( \${expires:-$now} - now )) s more"
    exit 75
  fi
fi
release() { rm -rf "$lock"; }
tmp=$(temp_of "$target" "$token")
# A session that dies here (sshd sends SIGHUP) leaves neither lock nor temporary file behind.
trap 'rm -f "$tmp"; release; exit 129' HUP INT TERM PIPE
printf 'token=%s\nowner=%s\nsince=%s\nexpires=%s\n' "$token" "$owner" "$now" "$((now + lease))" > "$lock/owner"
printf '%s\n' "$target" > "$lock/target"
rm -f "$(dirname "$target")/.$(basename "$target").netloom-"*
say step lock done "\${broke:-}"
say step read running
if [ -f "$target" ]; then
  cat "$target" || { say error "cannot read $target"; release; exit 66; }
else
  say live absent
fi
say step read done
say step upload running
cat > "$tmp" || { rm -f "$tmp"; say error "cannot write $tmp"; release; exit 73; }
say step upload done
if [ -z "$hold" ] && [ -f "$target" ] && cmp -s "$tmp" "$target"; then
  rm -f "$tmp"; release; say unchanged; exit 10
fi
say step check running
if out=$(ifup -a -s -i "$tmp" 2>&1); then
  [ -z "$out" ] || printf '%s\n' "$out" | quote_output
  trap - HUP INT TERM PIPE
  say step check done
  exit 0
fi
printf '%s\n' "$out" | quote_output
rm -f "$tmp"; release
say step check failed "ifup -a -s rejected the candidate"
exit 65
`;

/**
 * After PREPARE, on the same lock: read and upload the Proxmox VE firewall
 * files that go with the candidate. Args: TOKEN ROOT PATH...; stdin: each
 * file's candidate as one base64 line, in PATH order. Stdout: per PATH a
 * line, `-` (absent) or `+` and the live file in base64. Under ROOT `/` the
 * host must have /etc/pve (else 65, lock released); under another ROOT
 * (a host without Proxmox VE, the test bed) the folders are made. Where
 * ROOT is `/` and pve-firewall is installed, `pve-firewall compile` gates
 * the change in COMMIT. Exits 0 (staged, lock held), 64, 65, 66, 73, 75.
 */
export const STAGE =
  PRELUDE +
  sh`
token=$1 root=$2
shift 2
check_token "$token"
grep -qx "token=$token" "$lock/owner" 2>/dev/null || { say error "the lock is no longer this deploy's"; exit 75; }
target=$(cat "$lock/target")
give_up() {
  rm -f "$(temp_of "$target" "$token")"
  companions | while IFS= read -r f; do rm -f "$(temp_of "$f" "$token")"; done
  rm -rf "$lock"
}
trap 'give_up; exit 129' HUP INT TERM PIPE
if [ ! -d /etc/pve ]; then
  if [ "$root" = / ]; then
    say error "no /etc/pve on this host (not Proxmox VE, or pmxcfs is not mounted)"
    give_up; exit 65
  fi
  where="no /etc/pve on this host: "
fi
: > "$lock/files"
for f in "$@"; do
  printf '%s\n' "$f" >> "$lock/files"
  dir=$(dirname "$f")
  mkdir -p "$dir" || { say error "cannot create $dir"; give_up; exit 73; }
  rm -f "$dir/.$(basename "$f").netloom-"*
  if [ -f "$f" ]; then
    printf '+'; base64 -w 0 < "$f" || { say error "cannot read $f"; give_up; exit 66; }; echo
  else
    echo -
  fi
  IFS= read -r line || { say error "no content for $f"; give_up; exit 64; }
  printf '%s' "$line" | base64 -d > "$(temp_of "$f" "$token")" || { say error "cannot write $f"; give_up; exit 73; }
done
if [ "$root" = / ] && command -v pve-firewall >/dev/null 2>&1; then
  : > "$lock/gate"
  gate="pve-firewall compile gates the change"
else
  gate="no pve-firewall to compile them"
fi
trap - HUP INT TERM PIPE
say step upload done "\${where:-}$# firewall files under $root; $gate"
`;

/**
 * Roll back: restore the backup (and each companion's) and `ifreload -a`. Args: TOKEN [now].
 * Without `now` it is the armed timer: it sleeps until the deadline first.
 * Does nothing unless this deploy's rollback is still armed.
 */
export const ROLLBACK =
  PRELUDE +
  sh`
token=$1 mode=\${2:-timer}
check_token "$token"
[ -e "$lock/armed.$token" ] || exit 0
if [ "$mode" = timer ]; then
  deadline=$(cat "$lock/deadline" 2>/dev/null) || exit 0
  now=$(date +%s)
  [ "$deadline" -le "$now" ] || sleep $((deadline - now))
fi
mv "$lock/armed.$token" "$lock/rolling-back" 2>/dev/null || exit 0
[ "$mode" = timer ] || cancel_timer
if [ -e "$lock/apply.started" ]; then
  waited=0
  while [ ! -f "$lock/apply.rc" ] && [ "$waited" -lt 1200 ]; do sleep 0.05; waited=$((waited + 1)); done
fi
target=$(cat "$lock/target")
if [ -f "$lock/backup" ]; then
  tmp=$(temp_of "$target" rollback)
  cp -p "$lock/backup" "$tmp" && mv -f "$tmp" "$target"
else
  rm -f "$target"
fi
files=ok n=0
while IFS= read -r f; do
  [ -n "$f" ] || continue
  n=$((n + 1))
  rm -f "$(temp_of "$f" "$token")"
  if [ -f "$lock/backup.$n" ]; then
    tmp=$(temp_of "$f" rollback)
    cp -p "$lock/backup.$n" "$tmp" && mv -f "$tmp" "$f"
    cmp -s "$lock/backup.$n" "$f" || files=differ
  else
    rm -f "$f"
    [ ! -e "$f" ] || files=differ
  fi
done <<EOF
$(companions)
EOF
ifreload -a > "$lock/rollback.log" 2>&1
rc=$?
printf 'token=%s\nresult=rolled-back\nmode=%s\nifreload=%s\nat=%s\nfiles=%s\n' "$token" "$mode" "$rc" "$(date +%s)" "$files" > /run/netloom.last
rm -rf "$lock"
`;

/**
 * Back up, arm the rollback, install (companions first, gated by
 * `pve-firewall compile` when STAGE said so), apply. Args: TOKEN WINDOW_S KEEP STAMP
 * MARGIN_S APPLY_WAIT_S ROLLBACK_SCRIPT. Exits 0 when `ifreload -a` succeeded,
 * 65 when pve-firewall refused the companions and 70 when `ifreload -a` failed
 * (the host already rolled back), 71 when it still ran.
 */
export const COMMIT =
  PRELUDE +
  sh`
token=$1 window=$2 keep=$3 stamp=$4 margin=$5 applywait=$6 rollback=$7
check_token "$token"
grep -qx "token=$token" "$lock/owner" 2>/dev/null || { say error "the lock is no longer this deploy's"; exit 75; }
target=$(cat "$lock/target")
tmp=$(temp_of "$target" "$token")
[ -f "$tmp" ] || { say error "the uploaded candidate is gone"; exit 66; }
say step backup running
backups=/var/backups/netloom
prune() {
  ls -1 "$backups" | while read -r old; do case $old in "$1".*) printf '%s\n' "$old" ;; esac; done \
    | sort -r | tail -n +$((keep + 1)) | while read -r old; do rm -f "$backups/$old"; done
}
n=0
while IFS= read -r f; do
  [ -n "$f" ] || continue
  n=$((n + 1))
  [ ! -f "$f" ] && continue
  name=$(basename "$f")
  mkdir -p "$backups" && cp -p "$f" "$lock/backup.$n" && cp -p "$f" "$backups/$name.$stamp" \
    || { say step backup failed "cannot back up $f to $backups"; exit 73; }
  prune "$name"
done <<EOF
$(companions)
EOF
if [ -f "$target" ]; then
  mkdir -p "$backups" && cp -p "$target" "$lock/backup" && cp -p "$target" "$backups/interfaces.$stamp" \
    || { say step backup failed "cannot write $backups"; exit 73; }
  prune interfaces
  say step backup done "$backups/interfaces.$stamp"
else
  say step backup done "no live file: the rollback removes it"
fi
say step arm running
printf '%s\n' "$rollback" > "$lock/rollback"
now=$(date +%s)
deadline=$((now + window))
echo "$deadline" > "$lock/deadline"
sed -i "s/^expires=.*/expires=$((deadline + margin))/" "$lock/owner"
: > "$lock/armed.$token"
if [ -d /run/systemd/system ] && command -v systemd-run >/dev/null 2>&1 \
  && systemd-run --quiet --collect --unit="netloom-rollback-$token" --on-active="$window" /bin/sh "$lock/rollback" "$token" >/dev/null 2>&1; then
  echo "systemd netloom-rollback-$token" > "$lock/timer"
elif [ -s /run/atd.pid ] && kill -0 "$(cat /run/atd.pid)" 2>/dev/null \
  && job=$(printf '/bin/sh %s/rollback %s\n' "$lock" "$token" | at "now + $((window / 60)) minutes" 2>&1) \
  && id=$(printf '%s\n' "$job" | sed -n 's/^job \([0-9][0-9]*\) .*/\1/p') && [ -n "$id" ]; then
  echo "at $id" > "$lock/timer"
else
  setsid /bin/sh "$lock/rollback" "$token" < /dev/null > /dev/null 2>&1 &
  echo "setsid $!" > "$lock/timer"
fi
read -r how _ < "$lock/timer"
say step arm done "$how, fires in $window s"
say step install running
while IFS= read -r f; do
  [ -n "$f" ] || continue
  staged=$(temp_of "$f" "$token")
  chmod --reference="$f" "$staged" 2>/dev/null || chmod 644 "$staged" 2>/dev/null
  mv -f "$staged" "$f" && continue
  say step install failed "cannot rename $staged"
  /bin/sh "$lock/rollback" "$token" now
  exit 73
done <<EOF
$(companions)
EOF
if [ -f "$lock/gate" ]; then
  say step check running "pve-firewall compile"
  if ! out=$(pve-firewall compile 2>&1 < /dev/null); then
    printf '%s\n' "$out" | quote_output
    say step check failed "pve-firewall compile rejected the firewall files"
    /bin/sh "$lock/rollback" "$token" now
    exit 65
  fi
  say step check done "pve-firewall compile"
fi
chmod --reference="$target" "$tmp" 2>/dev/null || chmod 644 "$tmp"
if ! mv -f "$tmp" "$target"; then
  say step install failed "cannot rename $tmp"
  /bin/sh "$lock/rollback" "$token" now
  exit 73
fi
say step install done
say step apply running
: > "$lock/apply.started"
setsid nohup /bin/sh -c 'ifreload -a > "$1/apply.log" 2>&1; echo $? > "$1/apply.rc.new"; mv "$1/apply.rc.new" "$1/apply.rc"' \
  netloom-apply "$lock" < /dev/null > /dev/null 2>&1 &
waited=0
while [ ! -f "$lock/apply.rc" ]; do
  [ "$waited" -lt $((applywait * 20)) ] || { say step apply failed "ifreload -a still running after $applywait s"; exit 71; }
  sleep 0.05
  waited=$((waited + 1))
done
rc=$(cat "$lock/apply.rc")
quote_output < "$lock/apply.log"
if [ "$rc" != 0 ]; then
  say step apply failed "ifreload -a exited $rc"
  say step rollback running
  /bin/sh "$lock/rollback" "$token" now
  say step rollback done
  exit 70
fi
# pve-firewall loads files every 10 s: the new connection that confirms must meet the new rules.
loaded=
if [ -f "$lock/gate" ]; then
  loaded="pve-firewall loaded the rules"
  while pve-firewall status 2>/dev/null | grep -q 'pending changes'; do
    [ "$waited" -lt $((applywait * 20)) ] || { loaded="pve-firewall has not loaded the rules yet"; break; }
    sleep 0.5
    waited=$((waited + 10))
  done
fi
say step apply done "$loaded"
`;

/**
 * From a new connection: health checks, then confirm (disarm and unlock).
 * Args: TOKEN MANAGEMENT_ADDRESS ('' to skip that check). Exits 0 confirmed, 3 when the rollback
 * already took over, 4 when a check failed (and the host rolled back now),
 * 70 when the apply had failed (rolled back now).
 */
export const CONFIRM =
  PRELUDE +
  sh`
token=$1 address=$2
check_token "$token"
[ -e "$lock/armed.$token" ] || { say verdict "the rollback had already fired"; exit 3; }
waited=0
while [ ! -f "$lock/apply.rc" ] && [ "$waited" -lt 1200 ]; do sleep 0.05; waited=$((waited + 1)); done
rc=$(cat "$lock/apply.rc" 2>/dev/null || echo running)
if [ "$rc" != 0 ]; then
  quote_output < "$lock/apply.log"
  say step apply failed "ifreload -a: $rc"
  /bin/sh "$lock/rollback" "$token" now
  exit 70
fi
say step health running
problems=
[ -z "$address" ] || ip -o addr show | awk -v a="$address" '{ split($4, p, "/"); if (p[1] == a) found = 1 } END { exit !found }' \
  || problems="$problems; management address $address missing"
gw=$(ip route show default | awk '{ for (i = 1; i < NF; i++) if ($i == "via") { print $(i + 1); exit } }')
if [ -n "$gw" ]; then
  if command -v ping >/dev/null 2>&1; then
    ping -c 1 -W 2 "$gw" > /dev/null 2>&1 || problems="$problems; default gateway $gw does not answer ping"
  else
    ip route get "$gw" > /dev/null 2>&1 || problems="$problems; no route to default gateway $gw"
  fi
fi
if ! out=$(ifquery -a -c 2>&1); then
  printf '%s\n' "$out" | quote_output
  problems="$problems; ifquery -a -c: running state differs from the file"
fi
if [ -f "$lock/gate" ] && pve-firewall status 2>/dev/null | grep -q 'pending changes'; then
  problems="$problems; pve-firewall has not loaded the new rules, so this connection did not test them"
fi
if [ -n "$problems" ]; then
  say step health failed "\${problems#; }"
  say step rollback running
  /bin/sh "$lock/rollback" "$token" now
  say step rollback done
  exit 4
fi
say step health done "\${gw:+gateway $gw, }ifquery clean"
say step confirm running
mv "$lock/armed.$token" "$lock/confirmed" 2>/dev/null || { say verdict "the rollback fired during the checks"; exit 3; }
cancel_timer
printf 'token=%s\nresult=confirmed\nat=%s\n' "$token" "$(date +%s)" > /run/netloom.last
rm -rf "$lock"
say step confirm done
`;

/** Give up a prepared deploy: remove the uploaded candidate and the lock. Args: TOKEN. */
export const DISCARD =
  PRELUDE +
  sh`
token=$1
check_token "$token"
grep -qx "token=$token" "$lock/owner" 2>/dev/null || exit 0
[ -e "$lock/armed.$token" ] && { say error "the rollback is armed: roll back instead"; exit 64; }
target=$(cat "$lock/target")
rm -f "$(temp_of "$target" "$token")"
companions | while IFS= read -r f; do rm -f "$(temp_of "$f" "$token")"; done
rm -rf "$lock"
`;

/**
 * After the window: what became of this deploy. Rolls back now if the timer
 * never fired (deadline passed, still armed). Args: TOKEN TARGET.
 * Prints `@netloom last KEY=VALUE...` and the live file on stdout.
 */
export const STATUS =
  PRELUDE +
  sh`
token=$1 target=$2
check_token "$token"
if [ -e "$lock/armed.$token" ]; then
  deadline=$(cat "$lock/deadline" 2>/dev/null || echo 0)
  if [ "$deadline" -le "$(date +%s)" ]; then
    say note "the rollback timer had not fired; rolling back now"
    /bin/sh "$lock/rollback" "$token" late
  else
    say last "result=armed deadline=$deadline"
    exit 0
  fi
fi
if grep -qx "token=$token" /run/netloom.last 2>/dev/null; then
  say last "$(tr '\n' ' ' < /run/netloom.last)"
else
  say last "result=unknown"
fi
cat "$target" 2>/dev/null
`;

/** `sh -c SCRIPT NAME ARGS...`: the argv that runs one of the scripts with its parameters. */
export function scriptArgv(name: string, script: string, args: readonly (string | number)[]): string[] {
  return ['sh', '-c', script, name, ...args.map(String)];
}
