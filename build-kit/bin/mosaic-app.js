#!/usr/bin/env node
// The CLI is compiled TypeScript: run `pnpm --filter @mosaic/build-kit build` first.
import { main } from '../dist/node/cli.js';

process.exitCode = await main(process.argv.slice(2));
