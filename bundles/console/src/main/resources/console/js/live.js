// Merges live samples into the chart's buckets: a sample in the newest bucket updates its running
// average, a later one opens a new bucket, and buckets older than the window fall off the left.

export class LiveBuckets {
  /**
   * @param width bucket width (s); xs bucket starts (s); ys per-series averages (null = empty);
   * counts per-series sample counts; ids metric id per series; windowSeconds range kept
   */
  constructor(width, xs, ys, counts, ids, windowSeconds) {
    this.width = width;
    this.xs = xs.slice();
    this.ys = ys.map((s) => s.slice());
    this.counts = counts.map((s) => s.slice());
    this.index = new Map(ids.map((id, i) => [id, i]));
    this.windowSeconds = windowSeconds;
  }

  /** Adds samples ({metric, time, value}); true when the chart changed. */
  add(samples, nowSeconds) {
    let changed = false;
    for (const sample of samples) {
      const series = this.index.get(sample.metric);
      if (series === undefined) continue;
      const t = Date.parse(sample.time) / 1000;
      const start = Math.floor(t / this.width) * this.width;
      let last = this.xs.length - 1;
      if (last >= 0 && start < this.xs[last]) continue; // late: the stored series has it
      if (last < 0 || start > this.xs[last]) {
        this.xs.push(start);
        this.ys.forEach((s) => s.push(null));
        this.counts.forEach((s) => s.push(0));
        last += 1;
      }
      const n = this.counts[series][last];
      const avg = this.ys[series][last];
      this.ys[series][last] = n ? (avg * n + sample.value) / (n + 1) : sample.value;
      this.counts[series][last] = n + 1;
      changed = true;
    }
    const oldest = nowSeconds - this.windowSeconds;
    let drop = 0;
    while (drop < this.xs.length - 1 && this.xs[drop] + this.width <= oldest) drop += 1;
    if (drop) {
      this.xs.splice(0, drop);
      this.ys.forEach((s) => s.splice(0, drop));
      this.counts.forEach((s) => s.splice(0, drop));
      changed = true;
    }
    return changed;
  }

  data() {
    return [this.xs, ...this.ys];
  }
}
