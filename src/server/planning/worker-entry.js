// Entry of a planning worker thread (see jobs.ts). A worker is a fresh V8 isolate that does not
// inherit the main thread's TypeScript loader in every way the server is started (`node --import
// tsx`, bin/mosaic.js's `register()`, vitest), and Node 20 ignores `--import` in a worker's
// execArgv: so this plain JavaScript file registers tsx itself, then loads the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
