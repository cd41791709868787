/** The hostile-request suite over the embedded store, on real files in a temporary directory. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openEmbeddedStore } from '../../server/src/store/embedded/embedded-store.ts';
import { openUserStore } from '../../server/src/users/open-user-store.ts';
import { describeHostileRequests } from './hostile-request-tests.ts';

describeHostileRequests('embedded', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fibrograph-hostile-'));
  return {
    open: async () => ({
      store: await openEmbeddedStore({ dataDir: dir }),
      users: await openUserStore({ kind: 'embedded', dataDir: dir }),
    }),
    openOtherUsers: () => openUserStore({ kind: 'embedded', dataDir: dir }),
    dispose: () => {
      fs.rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    },
  };
});
