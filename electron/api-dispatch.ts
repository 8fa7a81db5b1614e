/**
 * The one call path every transport uses: parse the arguments with the
 * method's zod schema, call the backend, and turn the outcome into an
 * `ApiReply`. Errors become `{ code, message }`; stack traces never leave.
 */
import type { ApiError, ApiReply, NetloomMethods } from '../shared/api.js';
import { API_INPUTS } from '../shared/api-inputs.js';
import { isApiMethod } from '../shared/api-methods.js';
import { BackendError } from './engine/backend-error.js';

const fail = (code: string, message: string): { error: ApiError } => ({ error: { code, message } });

function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 10)
    .map(
      (i) =>
        `${i.path.length ? `argument ${i.path.map((s) => (typeof s === 'number' ? `[${s}]` : `.${String(s)}`)).join('')}: ` : ''}${i.message}`,
    )
    .join('; ');
}

export function errorReply(e: unknown): { error: ApiError } {
  if (e instanceof BackendError) return fail(e.code, e.message);
  const errno = (e as NodeJS.ErrnoException | undefined)?.code;
  if (typeof errno === 'string' && /^E[A-Z]+$/.test(errno)) return fail('io', (e as Error).message);
  return fail('failed', e instanceof Error ? e.message : String(e));
}

export async function dispatchApiCall(api: NetloomMethods, method: string, args: unknown): Promise<ApiReply> {
  if (!isApiMethod(method)) return fail('unknown-method', `no API method named "${method}"`);
  const parsed = API_INPUTS[method].safeParse(args);
  if (!parsed.success) return fail('bad-input', `${method}: ${describeIssues(parsed.error.issues)}`);
  try {
    const call = api[method] as (...a: unknown[]) => Promise<unknown>;
    const value = await call(...(parsed.data as unknown[]));
    return { value: value ?? null };
  } catch (e) {
    return errorReply(e);
  }
}
