/** Whether live status runs and where bonding files are read: the small view state the toolbar and the settings share. */
import { create } from 'zustand';

const SETTINGS_KEY = 'netloom.liveStatus';

export interface LiveStatusView {
  readonly on: boolean;
  /** The bonding directory read on each host; empty for the default `/proc/net/bonding`. */
  readonly bondingDir: string;
}

function storedBondingDir(): string {
  try {
    const saved = JSON.parse(localStorage.getItem(SETTINGS_KEY) ?? '{}') as { bondingDir?: unknown };
    return typeof saved.bondingDir === 'string' ? saved.bondingDir : '';
  } catch {
    return '';
  }
}

export const useLiveStatus = create<LiveStatusView>(() => ({ on: false, bondingDir: storedBondingDir() }));

/** Remembers the bonding directory in this browser profile. */
export function saveBondingDir(bondingDir: string): void {
  useLiveStatus.setState({ bondingDir });
  localStorage.setItem(SETTINGS_KEY, JSON.stringify({ bondingDir }));
}
