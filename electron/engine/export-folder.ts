/**
 * Writes every device's generated files into a folder, one sub-folder per
 * device: `<dir>/<device name>/<file path>`. Used by `netloom export --out`
 * and by the app's "Export configs". Files are replaced atomically; nothing
 * else in the folder is touched.
 */
import { mkdir } from 'node:fs/promises';
import { dirname, isAbsolute, join, normalize, sep } from 'node:path';
import type { ExportResult, ExportedFile } from '../../shared/api.js';
import type { Design } from '../../shared/model/index.js';
import { renderDevice, type GeneratedFile } from '../../shared/targets/index.js';
import { writeFileAtomic } from './project-files.js';

/** A generated path must stay inside its device folder. */
function checkRelativePath(device: string, path: string): string {
  const normal = normalize(path);
  if (path === '' || isAbsolute(path) || normal.startsWith(`..${sep}`) || normal === '..' || path.includes('\0')) {
    throw new Error(`device ${device}: generated file path "${path}" would leave the device's export folder`);
  }
  return normal;
}

export type DeviceRenderer = (design: Design, deviceId: string) => readonly GeneratedFile[];

export async function writeExportFolder(design: Design, dir: string, render: DeviceRenderer = renderDevice): Promise<ExportResult> {
  const devices = [...design.hosts, ...design.switches];
  const files: ExportedFile[] = [];
  for (const device of devices) {
    for (const file of render(design, device.id)) {
      const relative = join(device.name, checkRelativePath(device.name, file.path));
      const target = join(dir, relative);
      await mkdir(dirname(target), { recursive: true });
      await writeFileAtomic(target, file.content);
      files.push({ device: device.name, path: relative.split(sep).join('/') });
    }
  }
  return { dir, files };
}
