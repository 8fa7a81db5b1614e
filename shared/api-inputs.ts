/** The argument tuple of every API method as a zod schema; transports parse inputs with these. */
import { z } from 'zod';
import type { NetloomApi } from './api.js';
import { Design } from './model/schema.js';

const FilePath = z.string().min(1).max(4096);

export const API_INPUTS = {
  initialDesign: z.tuple([]),
  openDesign: z.tuple([FilePath]),
  saveDesign: z.tuple([FilePath, Design]),
} satisfies Record<keyof NetloomApi, z.ZodType>;

export type ApiMethod = keyof typeof API_INPUTS;
