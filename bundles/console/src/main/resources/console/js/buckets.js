// Which bucket width a chart asks for: any range renders at most about MAX_POINTS points, so 30
// days load as fast as one hour. Ranges over two days use whole hours on whole-hour bounds, which
// the storage answers from its hourly rollups instead of the raw samples.

export const MAX_POINTS = 1000;
const NICE = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400];
const HOUR = 3600;

/** Bucket width in seconds for a range of `seconds`. */
export function bucketSeconds(seconds, maxPoints = MAX_POINTS) {
  const long = seconds > 2 * 86400;
  for (const width of NICE) {
    if (long && width < HOUR) continue;
    if (seconds / width <= maxPoints) return width;
  }
  return 86400 * Math.ceil(seconds / 86400 / maxPoints);
}

/**
 * The query window for [from, to] (epoch milliseconds): the bucket width and, for hour buckets,
 * from/to moved out to whole hours so that the rollups answer.
 */
export function queryWindow(fromMs, toMs, maxPoints = MAX_POINTS) {
  const width = bucketSeconds(Math.max(1, (toMs - fromMs) / 1000), maxPoints);
  if (width % HOUR !== 0) return {from: fromMs, to: toMs, bucket: width};
  const hourMs = HOUR * 1000;
  return {from: Math.floor(fromMs / hourMs) * hourMs, to: Math.ceil(toMs / hourMs) * hourMs, bucket: width};
}

/** 90 -> "1 min 30 s", 3600 -> "1 h" */
export function label(seconds) {
  if (seconds % 86400 === 0) return `${seconds / 86400} d`;
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

export const RANGES = {'1h': 3600, '24h': 86400, '7d': 7 * 86400, '30d': 30 * 86400};
