/**
 * The design the backend opens at start-up, asked for once. main.ts asks before the app's code has
 * loaded, so the backend reads and checks a large design while that code downloads and starts.
 */
import type { InitialDesign } from '../../../shared/api.js';
import { api } from './client.js';

let request: Promise<InitialDesign> | undefined;

export function requestInitialDesign(): Promise<InitialDesign> {
  if (!request) {
    request = api.initialDesign();
    // A failure is handled where the answer is awaited.
    request.catch(() => undefined);
  }
  return request;
}
