#!/usr/bin/env node
// The `netloom` command; built to dist/ by `npm install` (prepare) or `npm run build`.
import { main } from '../dist/cli.js';

process.exitCode = await main(process.argv.slice(2));
