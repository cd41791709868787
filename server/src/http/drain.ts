/** Shutdown helpers: drain an HTTP server, and wait for work, both until a deadline. */
import type http from 'node:http';

/** Stops accepting connections and waits for open ones to finish; at `deadline` (epoch ms) closes the rest. */
export async function drain(server: http.Server, deadline: number): Promise<void> {
  const closed = new Promise<void>((resolve) => {
    server.close(() => {
      resolve();
    });
  });
  server.closeIdleConnections();
  if (!(await settleBy([closed], deadline))) {
    server.closeAllConnections();
    await closed;
  }
}

/** Waits until every promise settles or `deadline` (epoch ms) passes; true when they all settled in time. */
export async function settleBy(promises: readonly Promise<unknown>[], deadline: number): Promise<boolean> {
  if (promises.length === 0) return true;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(
      () => {
        resolve(false);
      },
      Math.max(0, deadline - Date.now()),
    );
  });
  try {
    return await Promise.race([Promise.allSettled(promises).then(() => true), late]);
  } finally {
    clearTimeout(timer);
  }
}
