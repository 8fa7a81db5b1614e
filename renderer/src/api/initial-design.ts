/**
 * The design the backend opens at start-up, asked for once, when this module is evaluated: main.tsx
 * imports it before anything else, so the backend reads and checks a large design while the rest of
 * the app's code starts (asking before that code has downloaded would make `netloom serve` read the
 * design and send the code at the same time, and both come later).
 */
import type { InitialDesign } from '../../../shared/api.js';
import { api } from './client.js';

export const initialDesign: Promise<InitialDesign> = api.initialDesign();
// A failure is handled where the answer is awaited.
initialDesign.catch(() => undefined);
