// A few hundred bytes that stand for a file's bytes when a later pass asks whether they hold
// one of a few anchors (a Prefilter's test: ASCII case folded substrings), so that a host
// which keeps no bytes need not read every file again to hear "no". The bits record 4-byte
// runs of the file, half of them, chosen by the run's own hash: an anchor's runs are chosen
// alike, so every chosen run of an anchor the bytes hold has its bit set. An answer of "absent"
// is therefore a proof; a collision only costs a read.

/** Most bits a sketch holds (512 bytes): larger files fill it more, and are read again more often. */
const MAX_BITS = 4096;
const MIN_BITS = 256;

/** The multiplier that hashes a run: the sketch and its test must choose runs alike. */
const MIX = 0x9e3779b1;

/** ASCII upper case to lower, every other byte as it is (Prefilter's folding). */
const FOLD = Uint8Array.from({ length: 256 }, (_, c) => (c >= 0x41 && c <= 0x5a ? c | 0x20 : c));

/** The bytes' sketch (a bit set, as plain data: it crosses to and from worker threads). */
export function byteSketch(bytes: Uint8Array): Uint32Array {
  let size = MIN_BITS;
  while (size < MAX_BITS && size < bytes.length) size <<= 1;
  const shift = 32 - Math.log2(size);
  const bits = new Uint32Array(size >>> 5);
  const n = bytes.length;
  if (n < 4) return bits;
  let run = (FOLD[bytes[0]!]! << 16) | (FOLD[bytes[1]!]! << 8) | FOLD[bytes[2]!]!;
  for (let i = 3; i < n; i++) {
    run = (run << 8) | FOLD[bytes[i]!]!;
    const h = Math.imul(run, MIX);
    const at = (h << 1) >>> shift;
    // Chosen when the hash's top bit is clear; set without a branch (a coin toss per byte mispredicts half the time: 2.5x slower).
    bits[at >>> 5]! |= (~h >>> 31) << (at & 31);
  }
  return bits;
}

/**
 * False only when the sketched bytes hold none of the anchors (as Prefilter.test would find
 * them). An anchor shorter than a run, or with a character beyond ASCII, is never ruled out.
 */
export function sketchMayHold(bits: Uint32Array, anchors: readonly string[]): boolean {
  const shift = 32 - Math.log2(bits.length * 32);
  return anchors.some((anchor) => {
    if (anchor.length < 4) return true;
    let run = 0;
    for (let i = 0; i < anchor.length; i++) {
      const c = anchor.charCodeAt(i);
      if (c > 0x7f) return true;
      run = (run << 8) | FOLD[c]!;
      const h = Math.imul(run, MIX);
      if (h < 0 || i < 3) continue;
      const at = (h << 1) >>> shift;
      if ((bits[at >>> 5]! & (1 << (at & 31))) === 0) return false;
    }
    // Every chosen run is there (or none was chosen): the bytes may hold it.
    return true;
  });
}
