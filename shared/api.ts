/**
 * The backend API the renderer talks to. Written once; implemented by the
 * engine (electron/backend.ts composes one part per area) and carried by three
 * thin adapters: Electron IPC (preload + ipcMain.handle), HTTP for
 * `netloom serve`, and direct calls in tests. Every method returns a Promise;
 * events are `onDid...` (see api-events.ts). Method names are listed in
 * api-methods.ts and their input schemas in api-inputs.ts; the compiler checks
 * that all three agree key for key.
 */
import type { ApiEventSubscriptions, RecentFile } from './api-events.js';
import type { HostReport, Preparation } from './deploy/outcome.js';
import type { ExampleId } from './examples/index.js';
import type { LoadProblem } from './model/restore.js';
import type { Design } from './model/schema.js';

export type { AppCommand, RecentFile, SimpleCommand, Unsubscribe } from './api-events.js';

export type OpenResult =
  | { readonly ok: true; readonly path: string; readonly design: Design }
  | { readonly ok: false; readonly path: string; readonly problems: readonly LoadProblem[] };

/** Unsaved work written by autosave; offered for restore after a crash. */
export interface Recovery {
  readonly design: Design;
  /** The file the work belongs to, or null for a design never saved. */
  readonly forPath: string | null;
  /** ISO 8601 time of the autosave. */
  readonly savedAt: string;
}

export type InitialDesign = OpenResult & {
  /**
   * True when `design` is the bundled example: treat it as untitled (Save asks
   * for a path; the backend refuses to overwrite the example).
   */
  readonly isExample: boolean;
  /**
   * Unsaved work from a session that ended without saving; offer to restore
   * it. Null when there is none, or when a file was named on the command line.
   */
  readonly recovery: Recovery | null;
};

export interface ExportedFile {
  readonly device: string;
  /** Relative to the export folder: `<device name>/<file path>`. */
  readonly path: string;
}

export interface ExportResult {
  readonly dir: string;
  readonly files: readonly ExportedFile[];
}

/** One entry of a folder listing: sub-folders and design files (`*.json`), hidden ones left out. */
export interface FolderEntry {
  readonly name: string;
  readonly kind: 'folder' | 'file';
}

export interface FolderListing {
  /** Absolute path of the listed folder. */
  readonly path: string;
  /** Its parent, or null at the file-system root. */
  readonly parent: string | null;
  /** Folders first, then files, each sorted by name. */
  readonly entries: readonly FolderEntry[];
}

export interface Capabilities {
  /**
   * True in Electron: `pickOpenPath`/`pickSavePath`/`pickFolder` show native
   * dialogs. False in a browser (`netloom serve`): they resolve to null and the
   * renderer asks for a path itself.
   */
  readonly nativeDialogs: boolean;
}

/** Design files: open, save, recent files, autosave/recovery, export. */
export interface FilesApi {
  /** The design to show at start: the file given on the command line, else the example, plus any recovery to offer. */
  initialDesign(): Promise<InitialDesign>;
  /** Reads and validates a design file; never changes it. Adds it to the recent files when it loads. */
  openDesign(path: string): Promise<OpenResult>;
  /** Reads one of the bundled examples (File > Examples), to be shown as a new unsaved design; never a recent file. */
  openExample(id: ExampleId): Promise<OpenResult>;
  /** Saves atomically, keeping the previous version as `.bak`; adds it to the recent files. */
  saveDesign(path: string, design: Design): Promise<void>;
  /** Most recent first. */
  listRecentFiles(): Promise<readonly RecentFile[]>;
  /** Autosave: replaces the recovery file (atomic). `forPath` is the design's file, null when untitled. */
  writeRecovery(design: Design, forPath: string | null): Promise<void>;
  /** The recovery file, or null when there is none or it cannot be read. */
  readRecovery(): Promise<Recovery | null>;
  /** Removes the recovery file (after a save, or when the user declines to restore). */
  discardRecovery(): Promise<void>;
  /** Writes every device's generated files to `<dir>/<device name>/<file path>`. */
  exportConfigs(design: Design, dir: string): Promise<ExportResult>;
  /**
   * Lists a folder on the machine running the backend, for choosing a path
   * in a browser (no native dialogs there). `null` lists the starting folder:
   * the folder of the design named on the command line, else the current one.
   */
  listFolder(path: string | null): Promise<FolderListing>;
}

/** The window around the design: dialogs and the unsaved-changes guard. */
export interface ShellApi {
  capabilities(): Promise<Capabilities>;
  /** A native open dialog for a design file; null when cancelled or when there are no native dialogs. */
  pickOpenPath(): Promise<string | null>;
  /** A native save dialog; null when cancelled or when there are no native dialogs. */
  pickSavePath(suggestedPath: string | null): Promise<string | null>;
  /** A native folder chooser (for exports); null when cancelled or when there are no native dialogs. */
  pickFolder(): Promise<string | null>;
  /** The renderer reports unsaved changes so closing the window can ask first (Electron; a no-op in a browser). */
  reportDirty(dirty: boolean): Promise<void>;
}

/** How live status reads hosts; every field optional (defaults: every 2 s, bonding files in `/proc/net/bonding`). */
export interface LiveStatusSettings {
  readonly intervalMs?: number;
  /** Where the bonding files are read on each host. */
  readonly bondingDir?: string;
}

/** Live status: reads the design's hosts over SSH; results arrive as `onDidChangeStatus` events, one per host and read. */
export interface StatusApi {
  /** Starts reading every host of `design` (replacing any running session). */
  startStatus(design: Design, settings: LiveStatusSettings): Promise<void>;
  /** Stops reading and closes every SSH connection. */
  stopStatus(): Promise<void>;
}

/** Every request/response method. Later areas (deploy, status) extend this. */
export interface DeployRequest {
  /** Host names to deploy; empty: every host with an SSH target. */
  readonly hosts: readonly string[];
  /** `SHA256:...` fingerprints of unknown host keys the person accepted (then kept in Netloom's store). */
  readonly acceptHostKeys: readonly string[];
  /** A switch login password for switches that refuse every key; held in memory for this deploy only. */
  readonly switchPassword?: string;
  /** A switch enable secret, when `enable` asks for one; held in memory for this deploy only. */
  readonly enableSecret?: string;
}

export interface PreparedDeploy {
  readonly deployId: string;
  /** Per host: the diff to read, unchanged, or why it cannot be deployed (with an unknown host key to accept). */
  readonly hosts: readonly Preparation[];
  /** Hosts left out (no SSH target), with why. */
  readonly skipped: readonly { readonly host: string; readonly reason: string }[];
  /** Devices cabled to each other, applied in this order and held or rolled back together. */
  readonly groups: readonly { readonly devices: readonly string[]; readonly order: string }[];
}

/** Deploy to hosts: prepare (lock, read, check: the diffs), then apply or discard; progress as `onDidDeployProgress`. */
export interface DeployApi {
  prepareDeploy(design: Design, request: DeployRequest): Promise<PreparedDeploy>;
  /** Applies every ready host, each rolling back unless confirmed within `revertIn` seconds; resolves with the verdicts. */
  applyDeploy(deployId: string, revertIn: number): Promise<readonly HostReport[]>;
  /** Releases the prepared hosts without a change. */
  discardDeploy(deployId: string): Promise<readonly HostReport[]>;
}

export interface NetloomMethods extends FilesApi, ShellApi, StatusApi, DeployApi {}

/** What the renderer holds: the methods plus one `onDidXxx` per event. */
export type NetloomApi = NetloomMethods & ApiEventSubscriptions;

/** Errors cross every transport as `{ code, message }`. */
export interface ApiError {
  readonly code: string;
  readonly message: string;
}

/** The reply to one call on any transport. */
export type ApiReply = { readonly value: unknown } | { readonly error: ApiError };
