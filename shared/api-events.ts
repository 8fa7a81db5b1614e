/**
 * Backend events, written once: each entry of `API_EVENTS` is an event name
 * with its payload type. Every transport carries all of them through one
 * generic channel (IPC `netloom:event`, HTTP Server-Sent Events), and the API
 * exposes each as `on<Name>(listener) => unsubscribe`. Adding an event is one
 * entry here. No zod, so the sandboxed preload can import it cheaply.
 */

import type { DeployProgress } from './deploy/progress.js';
import type { ExampleId } from './examples/index.js';
import type { HostStatusUpdate } from './status/live.js';

/** A phantom marker that carries an event's payload type and nothing else. */
export interface EventSpec<Payload> {
  readonly __payload?: Payload;
}
const payload = <Payload>(): EventSpec<Payload> => ({});

/** What an application menu item (or the close guard) asks the renderer to do. */
export const SIMPLE_COMMANDS = [
  'new',
  'open',
  'save',
  'save-as',
  'export-configs',
  'undo',
  'redo',
  'cut',
  'copy',
  'paste',
  'delete',
  'select-all',
  'fit-view',
  'zoom-in',
  'zoom-out',
  'toggle-theme',
] as const;
export type SimpleCommand = (typeof SIMPLE_COMMANDS)[number];

export type AppCommand =
  | { readonly command: Exclude<SimpleCommand, 'save'> }
  /** `closeAfter`: the user chose "Save" when closing; after a successful save the renderer calls `window.close()`. */
  | { readonly command: 'save'; readonly closeAfter?: boolean }
  | { readonly command: 'open-recent'; readonly path: string }
  | { readonly command: 'open-example'; readonly example: ExampleId };

export interface RecentFile {
  readonly path: string;
  /** ISO 8601 time of the last open or save. */
  readonly usedAt: string;
}

export const API_EVENTS = {
  /** A menu item or a window action wants the renderer to run a command. */
  didRequestCommand: payload<AppCommand>(),
  /** The recent-files list changed (after an open or a save). */
  didChangeRecentFiles: payload<readonly RecentFile[]>(),
  /** Live status: one host was read (or could not be), with the status of each of its elements. */
  didChangeStatus: payload<HostStatusUpdate>(),
  /** Deploy: one step started, finished or failed on one host. */
  didDeployProgress: payload<DeployProgress & { readonly deployId: string }>(),
};

export type ApiEventName = keyof typeof API_EVENTS;
export type ApiEventPayload<Name extends ApiEventName> =
  (typeof API_EVENTS)[Name] extends EventSpec<infer P> ? P : never;
export type Unsubscribe = () => void;

/** `didRequestCommand` -> `onDidRequestCommand`. */
export type EventMethodName<Name extends ApiEventName> = `on${Capitalize<Name>}`;
export const eventMethodName = <Name extends ApiEventName>(name: Name): EventMethodName<Name> =>
  `on${name.charAt(0).toUpperCase()}${name.slice(1)}` as EventMethodName<Name>;

/** The `onDidXxx` half of the API, derived from `API_EVENTS`. */
export type ApiEventSubscriptions = {
  readonly [Name in ApiEventName as EventMethodName<Name>]: (
    listener: (payload: ApiEventPayload<Name>) => void,
  ) => Unsubscribe;
};

export const API_EVENT_NAMES = Object.keys(API_EVENTS) as ApiEventName[];

/** How backend parts publish events; adapters subscribe once and forward everything. */
export interface ApiEmitter {
  emit<Name extends ApiEventName>(name: Name, payload: ApiEventPayload<Name>): void;
  subscribe(listener: (name: ApiEventName, payload: unknown) => void): Unsubscribe;
}

export function createApiEmitter(): ApiEmitter {
  const listeners = new Set<(name: ApiEventName, payload: unknown) => void>();
  return {
    emit(name, value) {
      for (const listener of [...listeners]) listener(name, value);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Builds the `onDidXxx` methods over any transport that can deliver `(name, payload)` pairs. */
export function createEventSubscriptions(
  listen: (listener: (name: ApiEventName, payload: unknown) => void) => Unsubscribe,
): ApiEventSubscriptions {
  return Object.fromEntries(
    API_EVENT_NAMES.map((name) => [
      eventMethodName(name),
      (listener: (payload: unknown) => void) =>
        listen((event, value) => {
          if (event === name) listener(value);
        }),
    ]),
  ) as unknown as ApiEventSubscriptions;
}
