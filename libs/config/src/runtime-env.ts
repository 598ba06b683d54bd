/**
 * The young generation's cap. Node 24 sizes each semi-space up to 64 MB by
 * default: beside a 192 MB old space, the gateway (65-80 MB live) then ran a
 * full mark-compact about every 150 ms under load and served a third of the
 * requests it serves with 32 MB (bench:api, 2026-12-07).
 */
const SEMI_SPACE_FLAG = '--max-semi-space-size=32';

/** NODE_OPTIONS for an app with this old-space cap. */
export function nodeOptions(heapMb: number): string {
  return `--max-old-space-size=${heapMb} ${SEMI_SPACE_FLAG}`;
}

/**
 * Process settings every app is launched with (npm start, tests, benchmarks;
 * docker/Dockerfile sets the same, and infra/ sizes the heap to each task's
 * memory). An app's live heap is about 30 MB, but left alone V8 reserves heap
 * far beyond that and glibc keeps argon2's 19 MiB work areas per thread: RSS
 * drifted to ~300 MB under load. With these it stays near 120 MB.
 */
export const APP_RUNTIME_ENV: Readonly<Record<string, string>> = {
  NODE_OPTIONS: nodeOptions(192),
  // Large blocks (argon2's memory) are mapped and returned to the OS when freed.
  MALLOC_MMAP_THRESHOLD_: '131072',
  MALLOC_ARENA_MAX: '2',
};

/**
 * Notifications holds every connected socket (15–18 KB each: about 150 MB at
 * the 10,000 that one replica is sized for), so its heap may grow further.
 */
const NOTIFICATIONS_HEAP_MB = 768;

/** The process settings of one app. */
export function runtimeEnvFor(app: string): Readonly<Record<string, string>> {
  return app === 'notifications' ? { ...APP_RUNTIME_ENV, NODE_OPTIONS: nodeOptions(NOTIFICATIONS_HEAP_MB) } : APP_RUNTIME_ENV;
}
