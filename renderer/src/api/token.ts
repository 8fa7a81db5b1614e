/**
 * The `netloom serve` token. It arrives once in the page URL (`?token=...`);
 * it is then removed from the address bar (so it does not end up in history,
 * bookmarks or screenshots) and kept in sessionStorage, which belongs to this
 * tab and origin only, so that reloading the page keeps working.
 */
const STORAGE_KEY = 'netloom.token';

export function takeServeToken(location: Location, history: History, storage: Storage): string | null {
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
