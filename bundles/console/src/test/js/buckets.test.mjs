import assert from 'node:assert/strict';
import test from 'node:test';
import {bucketSeconds, label, queryWindow} from '../../main/resources/console/js/buckets.js';

test('any range has at most 1000 buckets', () => {
  for (const seconds of [60, 3600, 86400, 7 * 86400, 30 * 86400, 365 * 86400, 3650 * 86400]) {
    assert.ok(seconds / bucketSeconds(seconds) <= 1000, `${seconds} s`);
  }
});

test('the standard ranges get the widths the docs name', () => {
  assert.equal(bucketSeconds(3600), 5);
  assert.equal(bucketSeconds(86400), 120);
  assert.equal(bucketSeconds(7 * 86400), 3600);
  assert.equal(bucketSeconds(30 * 86400), 3600);
  assert.equal(bucketSeconds(90 * 86400), 10800);
});

test('ranges over two days use whole hours on whole-hour bounds', () => {
  const hour = 3600_000;
  const from = Date.UTC(2026, 10, 1, 10, 17, 3);
  const to = from + 30 * 86400_000;
  const w = queryWindow(from, to);
  assert.equal(w.bucket, 3600);
  assert.equal(w.from % hour, 0);
  assert.equal(w.to % hour, 0);
  assert.ok(w.from <= from && w.from > from - hour);
  assert.ok(w.to >= to && w.to < to + hour);
});

test('short ranges keep their bounds', () => {
  const w = queryWindow(1000, 1000 + 3600_000);
  assert.deepEqual(w, {from: 1000, to: 1000 + 3600_000, bucket: 5});
});

test('labels read as units', () => {
  assert.equal(label(5), '5 s');
  assert.equal(label(120), '2 min');
  assert.equal(label(3600), '1 h');
  assert.equal(label(86400), '1 d');
});
