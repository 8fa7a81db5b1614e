/**
 * The one command a status poll runs on a host: a fixed, read-only script
 * that prints every bonding file, `ip -j -d link show`, `ip -j addr show`,
 * each link's speed and duplex, and `ovs-appctl bond/show` where Open vSwitch
 * is installed, each section opened by a marker line (see
 * `shared/status/host-facts.ts`), in one round trip. The only value that
 * varies, the bonding directory, is passed as a quoted positional argument,
 * never spliced into the script text.
 */
import { SECTION_MARKER, SECTIONS } from '../../../shared/status/host-facts.js';
import { sh, type ShellCommand } from '../ssh/index.js';

export const DEFAULT_BONDING_DIR = '/proc/net/bonding';

const marker = (section: string) => `'${SECTION_MARKER} ${section}'`;

export const STATUS_SCRIPT = [
  'dir=$1',
  'for f in "$dir"/*; do',
  '  [ -f "$f" ] || continue',
  `  printf '%s %s\\n' ${marker(SECTIONS.bonding)} "\${f##*/}"`,
  '  cat -- "$f"',
  '  echo',
  'done',
  `echo ${marker(SECTIONS.ipLink)}`,
  'ip -j -d link show',
  'echo',
  `echo ${marker(SECTIONS.ipAddr)}`,
  'ip -j addr show',
  'echo',
  `echo ${marker(SECTIONS.sysfs)}`,
  'for f in /sys/class/net/*; do',
  '  [ -d "$f" ] || continue',
  '  s=; d=',
  '  read -r s 2>/dev/null <"$f/speed"',
  '  read -r d 2>/dev/null <"$f/duplex"',
  `  printf '%s %s %s\\n' "\${f##*/}" "\${s:-?}" "\${d:-?}"`,
  'done',
  'if command -v ovs-appctl >/dev/null 2>&1; then',
  `  echo ${marker(SECTIONS.ovsBonds)}`,
  '  ovs-appctl bond/show 2>/dev/null',
  '  echo',
  'fi',
  `echo ${marker(SECTIONS.end)}`,
].join('\n');

/** `sh -c '<script>' netloom-status '<bonding dir>'`: every word quoted. */
export function statusCommand(bondingDir: string = DEFAULT_BONDING_DIR): ShellCommand {
  return sh(['sh', '-c', STATUS_SCRIPT, 'netloom-status', bondingDir]);
}
