/**
 * An open-loop load driver: iterations start on a schedule (a ramping arrival
 * rate, as k6's ramping-arrival-rate executor), whether or not earlier ones
 * have finished, so a slow server meets more concurrent work rather than fewer
 * requests. Latencies are measured per named request.
 */

export interface Stage {
  /** Iterations per second at the end of the stage (the rate ramps linearly from the previous one). */
  target: number;
  seconds: number;
}

export interface Profile {
  startRate: number;
  stages: Stage[];
  /** Iterations running at once beyond which a due one is dropped (and counted), as k6's maxVUs. */
  maxInFlight: number;
}

/** Shortens or scales a profile: LOAD_SECONDS sets the total length, LOAD_SCALE multiplies every rate. */
export function scaledProfile(profile: Profile, env: NodeJS.ProcessEnv = process.env): Profile {
  const total = profile.stages.reduce((sum, stage) => sum + stage.seconds, 0);
  const timeFactor = env.LOAD_SECONDS ? Number(env.LOAD_SECONDS) / total : 1;
  const rateFactor = env.LOAD_SCALE ? Number(env.LOAD_SCALE) : 1;
  if (!(timeFactor > 0) || !(rateFactor > 0)) throw new Error('LOAD_SECONDS and LOAD_SCALE must be positive numbers');
  return {
    ...profile,
    startRate: profile.startRate * rateFactor,
    stages: profile.stages.map((stage) => ({ target: stage.target * rateFactor, seconds: stage.seconds * timeFactor })),
  };
}

/** When each iteration is due, in seconds from the start: the integral of the rate reaching each whole iteration. */
export function schedule(profile: Profile): number[] {
  const starts: number[] = [];
  let elapsed = 0;
  let rate = profile.startRate;
  let due = 0; // iterations owed so far, fractional
  const step = 0.001;
  for (const stage of profile.stages) {
    const slope = (stage.target - rate) / stage.seconds;
    for (let t = 0; t < stage.seconds; t += step) {
      due += (rate + slope * t) * step;
      while (starts.length < Math.floor(due)) starts.push(elapsed + t);
    }
    elapsed += stage.seconds;
    rate = stage.target;
  }
  return starts;
}

export interface Sample {
  name: string;
  ms: number;
  ok: boolean;
}

/** Collects samples; an iteration records its requests through `measure`. */
export class Recorder {
  readonly samples: Sample[] = [];
  dropped = 0;
  failedIterations = 0;

  async measure<T>(name: string, call: () => Promise<{ ok: boolean; value: T }>): Promise<T> {
    const started = performance.now();
    let ok = false;
    try {
      const result = await call();
      ok = result.ok;
      return result.value;
    } finally {
      this.samples.push({ name, ms: performance.now() - started, ok });
    }
  }
}

/** Runs `iteration` on the schedule; resolves when every started iteration has finished. */
export async function runOpenLoop(profile: Profile, recorder: Recorder, iteration: (index: number) => Promise<void>): Promise<{ seconds: number; iterations: number }> {
  const starts = schedule(profile);
  const began = performance.now();
  const running = new Set<Promise<void>>();
  for (let index = 0; index < starts.length; index++) {
    const wait = began + starts[index] * 1000 - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    if (running.size >= profile.maxInFlight) {
      recorder.dropped += 1;
      continue;
    }
    const run = iteration(index)
      .catch(() => {
        recorder.failedIterations += 1;
      })
      .finally(() => running.delete(run));
    running.add(run);
  }
  await Promise.all(running);
  return { seconds: (performance.now() - began) / 1000, iterations: starts.length };
}
