import { startTracing } from '@finstack/tracing';

// Imported first by main.ts: the modules to trace must be patched before they load.
startTracing('portfolio');
