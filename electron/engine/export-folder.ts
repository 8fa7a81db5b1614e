/**
 * Writes every device's generated files into a folder, one sub-folder per
 * device: `<dir>/<device name>/<file path>`. Used by `netloom export --out`
 * and by the app's "Export configs". Files are replaced atomically; nothing
 * else in the folder is touched. Inside the folder nothing is written through
 * a symbolic link (a device folder, a sub-folder or a file that is a link is
 * refused), and system folders (/proc, /sys, /dev and their kind) are refused
 * as export folders.
 */
import { lstat, mkdir, realpath, stat, statfs } from 'node:fs/promises';
import { dirname, isAbsolute, join, normalize, relative, resolve, sep } from 'node:path';
import type { ExportResult, ExportedFile } from '../../shared/api.js';
import type { Design } from '../../shared/model/index.js';
import { renderDevice, type GeneratedFile } from '../../shared/targets/index.js';
import { describeFileType, describeFsError, errnoCode, ExplainedError, FileError } from './file-errors.js';
import { writeFileAtomic } from './project-files.js';

/** A generated path must stay inside its device folder. */
function checkRelativePath(device: string, path: string): string {
  const normal = normalize(path);
  if (path === '' || isAbsolute(path) || normal.startsWith(`..${sep}`) || normal === '..' || path.includes('\0')) {
    throw new Error(`device ${device}: generated file path "${path}" would leave the device's export folder`);
  }
  return normal;
}

const SYSTEM_FOLDERS = ['/proc', '/sys', '/dev'];
/** statfs magic numbers of kernel file systems that are no place for files (proc, sysfs, devpts, cgroup, cgroup2, debugfs, tracefs, securityfs, bpf). */
const SYSTEM_FS_TYPES = new Set([
  0x9fa0, 0x62656572, 0x1cd1, 0x27e0eb, 0x63677270, 0x64626720, 0x74726163, 0x73636673, 0xcafe4a11,
]);

/** The export folder: an existing plain folder, or created; never a system folder. */
async function prepareExportFolder(dir: string): Promise<void> {
  let existing = resolve(dir);
  for (;;) {
    try {
      await stat(existing);
      break;
    } catch (e) {
      if (errnoCode(e) !== 'ENOENT' || dirname(existing) === existing)
        throw new FileError(dir, `cannot export into ${dir}: ${describeFsError(e)}`, errnoCode(e));
      existing = dirname(existing);
    }
  }
  const real = await realpath(existing);
  const system = SYSTEM_FOLDERS.find((f) => real === f || real.startsWith(`${f}/`));
  const fsType = (await statfs(real)).type;
  if (system !== undefined || SYSTEM_FS_TYPES.has(fsType)) {
    throw new FileError(
      dir,
      `cannot export into ${dir}: it is a system folder${system ? ` (under ${system})` : ''}, not a folder for files; choose another folder`,
    );
  }
  const stats = await stat(real);
  if (!stats.isDirectory()) {
    const what = existing === resolve(dir) ? 'it is' : `${existing} is`;
    throw new FileError(dir, `cannot export into ${dir}: ${what} ${describeFileType(stats)}, not a folder`);
  }
  try {
    // One folder at a time: a recursive mkdir reports a read-only file system as ENOENT.
    await plainFolderInside(existing, relative(existing, resolve(dir)));
  } catch (e) {
    if (e instanceof FileError) throw e;
    throw new FileError(dir, `cannot export into ${dir}: ${describeFsError(e)}`, errnoCode(e));
  }
}

/** Creates `root/<parts...>` one folder at a time, refusing any part that is a link or not a folder. */
async function plainFolderInside(root: string, relative: string): Promise<void> {
  let current = root;
  for (const part of relative.split(sep).filter((p) => p !== '' && p !== '.')) {
    current = join(current, part);
    const stats = await lstat(current).catch((e: unknown) => (errnoCode(e) === 'ENOENT' ? null : Promise.reject(e)));
    if (stats === null) {
      await mkdir(current).catch((e: unknown) => (errnoCode(e) === 'EEXIST' ? undefined : Promise.reject(e)));
    } else if (stats.isSymbolicLink()) {
      throw new FileError(
        current,
        `cannot export to ${current}: it is a symbolic link; Netloom does not write through links`,
        'ELOOP',
      );
    } else if (!stats.isDirectory()) {
      throw new FileError(current, `cannot export to ${current}: it is ${describeFileType(stats)}, not a folder`);
    }
  }
}

export type DeviceRenderer = (design: Design, deviceId: string) => readonly GeneratedFile[];

/** A generator that refuses a value (a check the design rules missed) fails the export with the device named, not a stack trace. */
function renderOrExplain(
  render: DeviceRenderer,
  design: Design,
  device: { id: string; name: string },
): readonly GeneratedFile[] {
  try {
    return render(design, device.id);
  } catch (e) {
    throw new ExplainedError(
      `cannot render the configuration of ${device.name}: ${(e as Error).message}; nothing of ${device.name} was written`,
    );
  }
}

export async function writeExportFolder(
  design: Design,
  dir: string,
  render: DeviceRenderer = renderDevice,
): Promise<ExportResult> {
  const devices = [...design.hosts, ...design.switches];
  await prepareExportFolder(dir);
  const files: ExportedFile[] = [];
  for (const device of devices) {
    for (const file of renderOrExplain(render, design, device)) {
      const path = join(device.name, checkRelativePath(device.name, file.path));
      try {
        await plainFolderInside(dir, dirname(path));
      } catch (e) {
        if (e instanceof FileError) throw e;
        throw new FileError(
          join(dir, path),
          `cannot export to ${join(dir, dirname(path))}: ${describeFsError(e)}`,
          errnoCode(e),
        );
      }
      await writeFileAtomic(join(dir, path), file.content);
      files.push({ device: device.name, path: path.split(sep).join('/') });
    }
  }
  return { dir, files };
}
