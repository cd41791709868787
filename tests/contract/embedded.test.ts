/** The store contract against the embedded store, on real files in a temporary directory. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openEmbeddedStore } from '../../server/src/store/embedded/embedded-store.ts';
import { describeStoreContract } from './store-contract.ts';

describeStoreContract('embedded', () => {
  const dirs: string[] = [];
  const fresh = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fibrograph-contract-'));
    dirs.push(dir);
    return openEmbeddedStore({ dataDir: dir });
  };
  return {
    open: fresh,
    openEmpty: fresh,
    dispose: () => {
      for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    },
  };
});
