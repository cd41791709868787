/** The `fibrograph` entry point: runs the CLI on the real process and sets the exit code. */
import { processIo } from './cli-io.ts';
import { runCli } from './run-cli.ts';

process.exitCode = await runCli(process.argv.slice(2), processIo());
