package io.armature.api.storage;

/** Aggregation functions a bucketed query can ask for. */
public enum Aggregate {
    AVG,
    MIN,
    MAX,
    SUM,
    COUNT,
    FIRST,
    LAST
}
