/**
 * Process settings every app is launched with (npm start, tests, benchmarks;
 * the container image sets the same). An app's live heap is about 30 MB, but
 * left alone V8 reserves heap far beyond that and glibc keeps argon2's 19 MiB
 * work areas per thread: RSS drifted to ~300 MB under load. With these it
 * stays near 120 MB.
 */
export const APP_RUNTIME_ENV: Readonly<Record<string, string>> = {
  NODE_OPTIONS: '--max-old-space-size=192',
  // Large blocks (argon2's memory) are mapped and returned to the OS when freed.
  MALLOC_MMAP_THRESHOLD_: '131072',
  MALLOC_ARENA_MAX: '2',
};
