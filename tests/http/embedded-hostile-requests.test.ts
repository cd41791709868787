/** The hostile-request suite over the embedded store, on real files in a temporary directory. */
import { describeHostileRequests } from './hostile-request-tests.ts';
import { embeddedStoresHarness } from './stores-harness.ts';

describeHostileRequests('embedded', () => embeddedStoresHarness('fibrograph-hostile-'));
