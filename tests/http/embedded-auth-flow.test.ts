/** The HTTP sign-in and edit flow over the embedded store, on real files in a temporary directory. */
import { describeAuthFlow } from './auth-flow-tests.ts';
import { embeddedStoresHarness } from './stores-harness.ts';

describeAuthFlow('embedded', () => embeddedStoresHarness('fibrograph-http-auth-'));
