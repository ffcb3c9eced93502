-- Hourly rollups of every series, maintained in the same transaction as the samples they
-- summarise: bucketed queries of whole hours read these rows instead of the raw samples. They are
-- kept when retention drops raw partitions, so long-range history stays available coarsely.
CREATE TABLE ${schema}.rollup_1h (
    series_id   integer NOT NULL,
    bucket      timestamptz NOT NULL,
    count       bigint NOT NULL,
    sum         double precision NOT NULL,
    min         double precision NOT NULL,
    max         double precision NOT NULL,
    first_time  timestamptz NOT NULL,
    first       double precision NOT NULL,
    last_time   timestamptz NOT NULL,
    last        double precision NOT NULL,
    PRIMARY KEY (series_id, bucket)
);
