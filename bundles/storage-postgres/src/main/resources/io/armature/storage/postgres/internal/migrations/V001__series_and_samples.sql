-- One schema per tenant. Series are (device, metric) pairs; samples reference them by a small
-- integer so each row is 20 bytes of data (int4 + timestamptz + float8) plus tuple header.
CREATE TABLE ${schema}.series (
    id          serial PRIMARY KEY,
    device      text NOT NULL,
    metric      text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (device, metric)
);

-- Range-partitioned by time; partitions are created ahead and on demand by the store.
CREATE TABLE ${schema}.samples (
    series_id   integer NOT NULL,
    time        timestamptz NOT NULL,
    value       double precision NOT NULL
) PARTITION BY RANGE (time);

CREATE INDEX ON ${schema}.samples (series_id, time);
