#!/usr/bin/env node
// The `fibrograph` command: registers tsx so Node can load the TypeScript sources, then starts the CLI.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
