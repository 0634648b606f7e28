#!/usr/bin/env node
// Entry for `npx padan`: runs the TypeScript CLI through tsx so that the CLI,
// the tests and the app share one engine without a separate build step.
import { register } from 'tsx/esm/api';
register();
const { main } = await import('../electron/cli.ts');
process.exitCode = await main(process.argv.slice(2));
