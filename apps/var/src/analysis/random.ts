/**
 * xoshiro128** (Blackman & Vigna): 32-bit operations only, which V8 keeps in
 * small integers, so it is much faster than Math.random and seedable.
 * Fields are public so hot loops can copy them into locals and back.
 */
export class Xoshiro128 {
  constructor(
    public s0: number,
    public s1: number,
    public s2: number,
    public s3: number,
  ) {
    if ((s0 | s1 | s2 | s3) === 0) this.s0 = 1; // the all-zero state is a fixed point
  }

  /** Next 32-bit output as a signed int32. */
  nextInt32(): number {
    const r = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9);
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return r | 0;
  }

  /** Uniform in the open interval (0, 1). */
  nextOpen01(): number {
    return ((this.nextInt32() >>> 0) + 0.5) / 4294967296;
  }
}

export function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** murmur3 finaliser: a bijective 32-bit mixer. */
export function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/**
 * Stream for (seed, signal, block): a pure function of the three, so results
 * do not depend on which shard or thread draws the block, nor when. `salt`
 * gives further independent streams for the same block (the ziggurat's slow path).
 */
export function streamFor(seed: number, signal: number, block: number, salt = 0): Xoshiro128 {
  const h = mix32((seed >>> 0) ^ mix32(Math.imul(signal + 1, 0x9e3779b9) ^ mix32(Math.imul(block + 1, 0x632be59b) ^ mix32(salt + 0x2545f491))));
  return new Xoshiro128(mix32(h + 0x9e3779b9), mix32(h + 0x3c6ef372), mix32(h + 0xdaa66d2b), mix32(h + 0x78dde6e4));
}
