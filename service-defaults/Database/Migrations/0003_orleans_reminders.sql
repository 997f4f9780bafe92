-- 0003 - Orleans reminders (Microsoft.Orleans.Reminders.AdoNet 10.4.2, Invariant "Npgsql").
--
-- Written for Ticketing from the provider's contract: parameters @ServiceId, @GrainId (GrainId as text),
-- @GrainHash (the grain's uniform hash as a signed int), @ReminderName, @StartTime, @Period
-- (milliseconds, int or bigint), @Version, @BeginHash, @EndHash; result columns GrainId, ReminderName,
-- StartTime, Period, Version.
--
-- ETag semantics: version is 0 on first registration and grows by one on every upsert; removing a
-- reminder succeeds only with the current version.
--
-- Ring ranges: a silo owns the grain hashes in (@BeginHash, @EndHash]. The provider sends both bounds
-- as signed integers and picks ReadRangeRows1Key when BeginHash < EndHash in signed order (a plain
-- interval) and ReadRangeRows2Key otherwise (the range wraps around), so grain_hash is compared signed.

CREATE TABLE orleans_reminder
(
    service_id    text        NOT NULL,
    grain_id      text        NOT NULL,
    reminder_name text        NOT NULL,
    grain_hash    integer     NOT NULL,
    start_time    timestamptz NOT NULL,
    period        bigint      NOT NULL,   -- milliseconds
    version       integer     NOT NULL CHECK (version >= 0),
    modified_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (service_id, grain_id, reminder_name)
);

CREATE INDEX orleans_reminder_by_hash ON orleans_reminder (service_id, grain_hash);

COMMENT ON TABLE orleans_reminder IS
    'Orleans reminders, one row per (service, grain, reminder name). version is the ETag.';

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES

('UpsertReminderRowKey', $q$
INSERT INTO orleans_reminder AS r
    (service_id, grain_id, reminder_name, grain_hash, start_time, period, version)
VALUES
    (@ServiceId, @GrainId, @ReminderName, @GrainHash, @StartTime, @Period, 0)
ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
    SET grain_hash = EXCLUDED.grain_hash,
        start_time = EXCLUDED.start_time,
        period = EXCLUDED.period,
        version = CASE WHEN r.version >= 2147483646 THEN 0 ELSE r.version + 1 END,
        modified_at = now()
RETURNING r.version AS "Version"
$q$),

('ReadReminderRowsKey', $q$
SELECT r.grain_id      AS "GrainId",
       r.reminder_name AS "ReminderName",
       r.start_time    AS "StartTime",
       r.period        AS "Period",
       r.version       AS "Version"
  FROM orleans_reminder AS r
 WHERE r.service_id = @ServiceId
   AND r.grain_id = @GrainId
$q$),

('ReadReminderRowKey', $q$
SELECT r.grain_id      AS "GrainId",
       r.reminder_name AS "ReminderName",
       r.start_time    AS "StartTime",
       r.period        AS "Period",
       r.version       AS "Version"
  FROM orleans_reminder AS r
 WHERE r.service_id = @ServiceId
   AND r.grain_id = @GrainId
   AND r.reminder_name = @ReminderName
$q$),

-- Non-wrapping range: BeginHash < grain_hash <= EndHash.
('ReadRangeRows1Key', $q$
SELECT r.grain_id      AS "GrainId",
       r.reminder_name AS "ReminderName",
       r.start_time    AS "StartTime",
       r.period        AS "Period",
       r.version       AS "Version"
  FROM orleans_reminder AS r
 WHERE r.service_id = @ServiceId
   AND r.grain_hash > @BeginHash
   AND r.grain_hash <= @EndHash
$q$),

-- Wrapping range (also the whole ring when BeginHash = EndHash): above BeginHash or up to EndHash.
('ReadRangeRows2Key', $q$
SELECT r.grain_id      AS "GrainId",
       r.reminder_name AS "ReminderName",
       r.start_time    AS "StartTime",
       r.period        AS "Period",
       r.version       AS "Version"
  FROM orleans_reminder AS r
 WHERE r.service_id = @ServiceId
   AND (r.grain_hash > @BeginHash OR r.grain_hash <= @EndHash)
$q$),

-- One row, one boolean column: true when the reminder existed with that version and is now gone.
('DeleteReminderRowKey', $q$
WITH removed AS (
    DELETE FROM orleans_reminder
     WHERE service_id = @ServiceId
       AND grain_id = @GrainId
       AND reminder_name = @ReminderName
       AND version = @Version
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM removed) AS "Deleted"
$q$),

('DeleteReminderRowsKey', $q$
DELETE FROM orleans_reminder
 WHERE service_id = @ServiceId
$q$)

ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
