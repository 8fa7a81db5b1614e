/**
 * The argument tuple of every API method as a zod schema; every transport
 * parses inputs with these before the backend sees them. The `satisfies`
 * clause makes the compiler refuse a missing or an extra method.
 */
import { z } from 'zod';
import type { NetloomMethods } from './api.js';
import { EXAMPLE_IDS } from './examples/index.js';
import { Design } from './model/schema.js';

const FilePath = z
  .string()
  .min(1, 'a path must not be empty')
  .max(4096)
  .refine((p) => !p.includes('\0'), 'a path must not contain NUL');

const LiveStatusSettings = z.strictObject({
  intervalMs: z.number().int().min(200, 'the status interval must be at least 200 ms').max(3_600_000).optional(),
  bondingDir: FilePath.refine(
    (p) => p.startsWith('/') && !/[\r\n]/.test(p),
    'the bonding directory must be an absolute path on one line',
  ).optional(),
});

const DeployId = z.string().regex(/^[0-9a-f]{16}$/, 'must be a deploy id');
const DeployRequest = z.strictObject({
  hosts: z.array(z.string().max(63)).max(1000),
  acceptHostKeys: z.array(z.string().regex(/^SHA256:[A-Za-z0-9+/]{43}$/, 'must be a SHA256:... fingerprint')).max(1000),
  switchPassword: z.string().max(256).optional(),
  enableSecret: z.string().max(256).optional(),
});

export const API_INPUTS = {
  initialDesign: z.tuple([]),
  openDesign: z.tuple([FilePath]),
  openExample: z.tuple([z.enum(EXAMPLE_IDS, { error: (issue) => `no example named ${JSON.stringify(issue.input)}` })]),
  saveDesign: z.tuple([FilePath, Design]),
  listRecentFiles: z.tuple([]),
  writeRecovery: z.tuple([Design, FilePath.nullable()]),
  readRecovery: z.tuple([]),
  discardRecovery: z.tuple([]),
  exportConfigs: z.tuple([Design, FilePath]),
  listFolder: z.tuple([FilePath.nullable()]),
  capabilities: z.tuple([]),
  pickOpenPath: z.tuple([]),
  pickSavePath: z.tuple([FilePath.nullable()]),
  pickFolder: z.tuple([]),
  reportDirty: z.tuple([z.boolean()]),
  startStatus: z.tuple([Design, LiveStatusSettings]),
  stopStatus: z.tuple([]),
  prepareDeploy: z.tuple([Design, DeployRequest]),
  applyDeploy: z.tuple([DeployId, z.number().int().min(5, 'the confirm window must be at least 5 s').max(3600)]),
  discardDeploy: z.tuple([DeployId]),
} satisfies Record<keyof NetloomMethods, z.ZodType>;

export type { ApiMethod } from './api-methods.js';
