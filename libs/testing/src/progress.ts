/**
 * Waits until `probe` counts `target`, for as long as the count keeps moving: it fails only when nothing moved for
 * `stallMs` (a stuck pipeline), or at once when the count passes the target (an effect applied twice). A loaded
 * machine is slower, not wrong: a fixed wall-clock budget would fail it; a stall would not.
 */
export async function untilCount(
  probe: () => Promise<number>,
  target: number,
  what: string,
  stallMs = 30000,
): Promise<void> {
  let last = -1;
  let movedAt = Date.now();
  for (;;) {
    const value = await probe();
    if (value === target) return;
    if (value > target) throw new Error(`${what}: counted ${value}, more than the ${target} expected`);
    if (value !== last) {
      last = value;
      movedAt = Date.now();
    } else if (Date.now() - movedAt > stallMs) {
      throw new Error(`${what}: stuck at ${value} of ${target} for ${stallMs} ms`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Waits until `probe` answers, for as long as `progress` keeps moving (a consumer catching up on a topic that holds
 * other runs' events, say): fails only when neither answered nor moved for `stallMs`.
 */
export async function eventuallyWhileProgressing<T>(
  probe: () => Promise<T | undefined | false>,
  progress: () => Promise<number>,
  what: string,
  stallMs = 30000,
): Promise<T> {
  let last = -1;
  let movedAt = Date.now();
  for (;;) {
    const value = await probe();
    if (value) return value;
    const now = await progress();
    if (now !== last) {
      last = now;
      movedAt = Date.now();
    } else if (Date.now() - movedAt > stallMs) {
      throw new Error(`${what}: nothing moved for ${stallMs} ms (progress stuck at ${now})`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}
