/**
 * The `netloom serve` token. It arrives once in the page URL (`?token=...`);
 * it is then removed from the address bar (so it does not end up in history,
 * bookmarks or screenshots) and kept in sessionStorage, which belongs to this
 * tab and origin only, so that reloading the page keeps working.
 */
const STORAGE_KEY = 'netloom.token';

/** The parts of `window.location`, `window.history` and `sessionStorage` used here. */
export interface PageUrl {
  readonly href: string;
}
export interface PageHistory {
  readonly state: unknown;
  replaceState(data: unknown, unused: string, url: string): void;
}
export interface TokenStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export function takeServeToken(location: PageUrl, history: PageHistory, storage: TokenStorage): string | null {
  const url = new URL(location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    storage.setItem(STORAGE_KEY, fromUrl);
    url.searchParams.delete('token');
    history.replaceState(history.state, '', `${url.pathname}${url.search}${url.hash}`);
    return fromUrl;
  }
  return storage.getItem(STORAGE_KEY);
}
