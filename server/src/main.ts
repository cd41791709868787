/** `npm start`: serves FibroGraph (GraphQL, health, web explorer) from one process. Settings: server-config.ts. */
import { closeOnSignals, createApp, seedIfEmpty, serverConfigFromEnv } from './http/index.ts';
import { describeStoreConfig, openStore } from './store/open-store.ts';
import { openUserStore } from './users/open-user-store.ts';

const config = serverConfigFromEnv(process.env);
config.app.log({ msg: 'starting', store: describeStoreConfig(config.store), version: config.app.version });
const store = await openStore(config.store);
const users = await openUserStore(config.store);
await seedIfEmpty(store, config.seedDir, config.app.log);
const app = createApp({ ...config.app, store, users });
await app.listen(config.port, config.host);
closeOnSignals(app, config.app.log);
