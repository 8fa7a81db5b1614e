/**
 * Resolves on the first SIGINT or SIGTERM. Call it before a long-running verb
 * says it is ready: whoever reacts to that line (a user's Ctrl+C, a supervisor's
 * SIGTERM) must reach the verb's own shutdown, not Node's default of dying at once.
 */
export function interrupted(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
