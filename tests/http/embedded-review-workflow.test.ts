/** The HTTP review workflow against the embedded store, on real files in a temporary directory. */
import { describeReviewWorkflow } from './review-workflow-tests.ts';
import { embeddedStoresHarness } from './stores-harness.ts';

describeReviewWorkflow('embedded', () => embeddedStoresHarness('fibrograph-review-'));
