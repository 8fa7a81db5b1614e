/**
 * The HTTP adapter of the backend API: `POST /api/<method>` with a JSON
 * argument array and `Authorization: Bearer <token>`, answered with the
 * shared dispatch's `{ value } | { error }`; `GET /api/events` streams every
 * backend event as Server-Sent Events (token in the Authorization header or,
 * because EventSource cannot set headers, in `?token=`). No logic beyond that.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiReply, NetloomMethods } from '../../shared/api.js';
import type { ApiEmitter } from '../../shared/api-events.js';
import { dispatchApiCall } from '../api-dispatch.js';
import { tokenMatches } from './token.js';

export const MAX_BODY_BYTES = 16 * 1024 * 1024;
const HEARTBEAT_MS = 20_000;

export interface ApiRoutesOptions {
  readonly api: NetloomMethods;
  readonly emitter: ApiEmitter;
  readonly token: string;
  readonly maxBodyBytes?: number;
}

const STATUS_BY_CODE: Readonly<Record<string, number>> = {
  'bad-input': 400,
  unauthorized: 401,
  forbidden: 403,
  'unknown-method': 404,
  'method-not-allowed': 405,
  'too-large': 413,
  'unsupported-media-type': 415,
  failed: 500,
  io: 500,
};

function sendReply(response: ServerResponse, reply: ApiReply): void {
  const status = 'error' in reply ? (STATUS_BY_CODE[reply.error.code] ?? 422) : 200;
  const body = JSON.stringify(reply);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
  });
  response.end(body);
}

const error = (code: string, message: string): ApiReply => ({ error: { code, message } });

function bearer(request: IncomingMessage): string | undefined {
  const match = /^Bearer ([A-Za-z0-9_-]+)$/.exec(request.headers.authorization ?? '');
  return match?.[1];
}

async function readBody(request: IncomingMessage, limit: number): Promise<string | 'too-large'> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > limit) return 'too-large';
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) return 'too-large';
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function streamEvents(request: IncomingMessage, response: ServerResponse, emitter: ApiEmitter): void {
  response.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
  });
  response.write('retry: 2000\n: connected\n\n');
  const unsubscribe = emitter.subscribe((name, payload) => {
    response.write(`data: ${JSON.stringify({ name, payload })}\n\n`);
  });
  const heartbeat = setInterval(() => response.write(': heartbeat\n\n'), HEARTBEAT_MS);
  request.on('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
  });
}

/** Handles a request whose path starts with `/api/`. */
export async function handleApiRequest(
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  options: ApiRoutesOptions,
): Promise<void> {
  const name = url.pathname.slice('/api/'.length);
  if (name === 'events') {
    if (!tokenMatches(bearer(request) ?? url.searchParams.get('token') ?? undefined, options.token)) {
      response.setHeader('WWW-Authenticate', 'Bearer');
      return sendReply(
        response,
        error('unauthorized', 'missing or wrong token; open the URL that `netloom serve` printed'),
      );
    }
    if (request.method !== 'GET') return sendReply(response, error('method-not-allowed', 'use GET for /api/events'));
    return streamEvents(request, response, options.emitter);
  }
  if (!tokenMatches(bearer(request), options.token)) {
    response.setHeader('WWW-Authenticate', 'Bearer');
    return sendReply(
      response,
      error('unauthorized', 'missing or wrong token; open the URL that `netloom serve` printed'),
    );
  }
  if (request.method !== 'POST') return sendReply(response, error('method-not-allowed', `use POST for /api/${name}`));
  if (!/^application\/json(;|$)/.test(request.headers['content-type'] ?? '')) {
    return sendReply(response, error('unsupported-media-type', 'send the arguments as application/json'));
  }
  const body = await readBody(request, options.maxBodyBytes ?? MAX_BODY_BYTES);
  if (body === 'too-large') {
    response.setHeader('Connection', 'close');
    return sendReply(
      response,
      error('too-large', `the request is larger than ${options.maxBodyBytes ?? MAX_BODY_BYTES} bytes`),
    );
  }
  let args: unknown;
  try {
    args = body === '' ? [] : JSON.parse(body);
  } catch {
    return sendReply(response, error('bad-input', 'the request body is not valid JSON'));
  }
  sendReply(response, await dispatchApiCall(options.api, name, args));
}
