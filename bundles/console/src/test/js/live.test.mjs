import assert from 'node:assert/strict';
import test from 'node:test';
import {LiveBuckets} from '../../main/resources/console/js/live.js';

const iso = (s) => new Date(s * 1000).toISOString();

test('a sample in the newest bucket updates its running average', () => {
  const live = new LiveBuckets(10, [100, 110], [[1, 4]], [[1, 2]], ['t'], 3600);
  assert.ok(live.add([{metric: 't', time: iso(115), value: 7}], 120));
  assert.deepEqual(live.data(), [[100, 110], [1, 5]]);
});

test('a later sample opens a bucket, with gaps for the other series', () => {
  const live = new LiveBuckets(10, [100], [[1], [2]], [[1], [1]], ['a', 'b'], 3600);
  live.add([{metric: 'b', time: iso(125), value: 9}], 130);
  assert.deepEqual(live.data(), [[100, 120], [1, null], [2, 9]]);
});

test('late samples and other metrics are left to the stored series', () => {
  const live = new LiveBuckets(10, [100, 110], [[1, 4]], [[1, 1]], ['t'], 3600);
  assert.equal(live.add([{metric: 't', time: iso(101), value: 50}, {metric: 'x', time: iso(115), value: 1}], 120), false);
  assert.deepEqual(live.data(), [[100, 110], [1, 4]]);
});

test('buckets older than the window fall off the left', () => {
  const live = new LiveBuckets(10, [0, 10, 20], [[1, 2, 3]], [[1, 1, 1]], ['t'], 20);
  live.add([{metric: 't', time: iso(35), value: 4}], 40);
  assert.deepEqual(live.data(), [[20, 30], [3, 4]]);
});

test('an empty chart starts with the first live sample', () => {
  const live = new LiveBuckets(5, [], [[]], [[]], ['t'], 3600);
  live.add([{metric: 't', time: iso(12), value: 3}], 13);
  assert.deepEqual(live.data(), [[10], [3]]);
});
