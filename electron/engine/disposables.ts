/** Cleanups registered by backend parts, run once on dispose: newest first, each even when an earlier one fails. */
export interface Disposables {
  onDispose(cleanup: () => void | Promise<void>): void;
  dispose(): Promise<void>;
}

export function createDisposables(): Disposables {
  const cleanups: (() => void | Promise<void>)[] = [];
  return {
    onDispose: (cleanup) => void cleanups.push(cleanup),
    async dispose() {
      for (const cleanup of cleanups.splice(0).reverse())
        await Promise.resolve()
          .then(cleanup)
          .catch(() => undefined);
    },
  };
}
