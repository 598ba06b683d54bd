import { Xoshiro128 } from './random';

/**
 * Standard normals by the Marsaglia–Tsang ziggurat (128 layers, one 32-bit
 * draw per normal on the fast path, ~98.8 % of draws). Tables are built once
 * per thread from the published recurrence; layer index from the low 7 bits,
 * signed value from the whole word.
 */
const LAYERS = 128;
const R = 3.442619855899;
const V = 9.91256303526217e-3;
const M1 = 2147483648;

export const KN = new Float64Array(LAYERS);
export const WN = new Float64Array(LAYERS);
export const FN = new Float64Array(LAYERS);

(function buildTables() {
  let dn = R;
  let tn = dn;
  const q = V / Math.exp(-0.5 * dn * dn);
  KN[0] = (dn / q) * M1;
  KN[1] = 0;
  WN[0] = q / M1;
  WN[LAYERS - 1] = dn / M1;
  FN[0] = 1;
  FN[LAYERS - 1] = Math.exp(-0.5 * dn * dn);
  for (let i = LAYERS - 2; i >= 1; i--) {
    dn = Math.sqrt(-2 * Math.log(V / dn + Math.exp(-0.5 * dn * dn)));
    KN[i + 1] = (dn / tn) * M1;
    tn = dn;
    FN[i] = Math.exp(-0.5 * dn * dn);
    WN[i] = dn / M1;
  }
})();

/**
 * floor(KN): with u = hz ^ (hz >> 31) (= |hz| for hz >= 0, |hz| - 1 below 0,
 * always a small integer) the test u < KN_FLOOR[iz] is exactly |hz| < KN
 * for negative hz and slightly stricter for positive hz; the slow path
 * re-checks exactly, so the distribution is unchanged.
 */
export const KN_FLOOR = KN.map(Math.floor);

/** Slow path: wedge or tail rejection, then fresh draws until accepted. */
export function zigguratSlow(rng: Xoshiro128, hz: number, iz: number): number {
  for (;;) {
    const x = hz * WN[iz];
    if (Math.abs(hz) < KN[iz]) return x;
    if (iz === 0) {
      // Tail beyond R (Marsaglia's exponential method).
      let tx: number;
      let ty: number;
      do {
        tx = -Math.log(rng.nextOpen01()) / R;
        ty = -Math.log(rng.nextOpen01());
      } while (ty + ty < tx * tx);
      return hz > 0 ? R + tx : -R - tx;
    }
    if (FN[iz] + rng.nextOpen01() * (FN[iz - 1] - FN[iz]) < Math.exp(-0.5 * x * x)) return x;
    hz = rng.nextInt32();
    iz = hz & 127;
  }
}

export function standardNormal(rng: Xoshiro128): number {
  const hz = rng.nextInt32();
  const iz = hz & 127;
  return (hz ^ (hz >> 31)) < KN_FLOOR[iz] ? hz * WN[iz] : zigguratSlow(rng, hz, iz);
}

/** Words that missed the fast path in the current call (reused, grown on demand). */
let pending = new Int32Array(16_384);

/**
 * Draws `count` standard normals and appends those below `cutoff` to
 * out.values from out.length, growing the buffer if needed. The generator
 * and the ziggurat fast path are inlined on locals: this loop is the whole
 * cost of the simulation. No call may sit in the loop (V8 then spills the
 * generator state and throughput halves), so words that miss the fast path
 * (~1.2 %) are queued and finished after it, their extra uniforms coming
 * from a second, independent stream `aux`. Their normals are appended after
 * the fast ones: the order changes, the sample does not.
 */
export function drawLowerTail(rng: Xoshiro128, aux: Xoshiro128, count: number, cutoff: number, out: { values: Float64Array; length: number }): void {
  if (pending.length < count) pending = new Int32Array(count);
  const queue = pending;
  const kn = KN_FLOOR;
  const wn = WN;
  for (;;) {
    let s0 = rng.s0;
    let s1 = rng.s1;
    let s2 = rng.s2;
    let s3 = rng.s3;
    const values = out.values;
    const capacity = values.length;
    let n = out.length;
    let queued = 0;
    for (let i = 0; i < count; i++) {
      const m = Math.imul(s1, 5);
      const hz = Math.imul((m << 7) | (m >>> 25), 9);
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
      const iz = hz & 127;
      if ((hz ^ (hz >> 31)) < kn[iz]) {
        const z = hz * wn[iz];
        if (z < cutoff) {
          if (n < capacity) values[n] = z;
          n++;
        }
      } else {
        queue[queued++] = hz;
      }
    }
    if (n + queued > capacity) {
      // Too small: grow and redraw this call from the same state (rare; keeps the loop free of checks).
      const grown = new Float64Array(Math.ceil((n + queued) * 1.25) + 1024);
      grown.set(values.subarray(0, out.length));
      out.values = grown;
      continue;
    }
    for (let q = 0; q < queued; q++) {
      const z = zigguratSlow(aux, queue[q], queue[q] & 127);
      if (z < cutoff) values[n++] = z;
    }
    rng.s0 = s0;
    rng.s1 = s1;
    rng.s2 = s2;
    rng.s3 = s3;
    out.length = n;
    return;
  }
}
