-- 0001 - Orleans cluster membership (Microsoft.Orleans.Clustering.AdoNet 10.4.2, Invariant "Npgsql").
--
-- Written for Ticketing from the provider's contract: the query keys it looks up, the parameters it
-- binds (@DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort,
-- @StartTime, @IAmAliveTime, @SuspectTimes, @Version) and the result columns it reads (Version,
-- Address, Port, Generation, SiloName, HostName, Status, ProxyPort, SuspectTimes, StartTime,
-- IAmAliveTime). Run by SchemaMigrator inside a transaction; do not add BEGIN/COMMIT here.
--
-- Optimistic concurrency: every deployment (cluster id) has one row in orleans_membership_version.
-- Its integer version is the membership table's ETag. Inserting or updating a silo row succeeds only
-- when the caller's @Version equals the stored version, and then bumps it by one; otherwise the query
-- answers false and changes nothing, so Orleans re-reads the table and retries.
--
-- Times are timestamptz: the provider binds UTC DateTime values and reads them back as UTC.

-- The query catalogue shared by all Orleans ADO.NET providers. They read it with
--   SELECT QueryKey, QueryText FROM OrleansQuery
-- (unquoted, so PostgreSQL folds the names to orleansquery / querykey / querytext).
CREATE TABLE OrleansQuery
(
    QueryKey  varchar(64) NOT NULL PRIMARY KEY,
    QueryText text        NOT NULL
);

COMMENT ON TABLE OrleansQuery IS
    'SQL text per query key, read by the Orleans ADO.NET providers at start. Owned by Ticketing migrations.';

CREATE TABLE orleans_membership_version
(
    deployment_id text        NOT NULL PRIMARY KEY,
    version       integer     NOT NULL DEFAULT 0 CHECK (version >= 0),
    changed_at    timestamptz NOT NULL DEFAULT now()
);

COMMENT ON TABLE orleans_membership_version IS
    'One row per Orleans cluster id; version is the membership table ETag.';

CREATE TABLE orleans_membership
(
    deployment_id   text        NOT NULL
        REFERENCES orleans_membership_version (deployment_id) ON DELETE CASCADE,
    address         text        NOT NULL,
    port            integer     NOT NULL,
    generation      integer     NOT NULL,
    silo_name       text        NOT NULL,
    host_name       text        NOT NULL,
    status          integer     NOT NULL,   -- Orleans SiloStatus: 3 = Active, 6 = Dead
    proxy_port      integer     NULL,       -- gateway port, 0 when the silo has no gateway
    suspect_times   text        NULL,       -- "silo,time|silo,time" as formatted by Orleans
    start_time      timestamptz NOT NULL,
    i_am_alive_time timestamptz NOT NULL,
    PRIMARY KEY (deployment_id, address, port, generation)
);

COMMENT ON TABLE orleans_membership IS
    'One row per silo incarnation (address, port, generation) of an Orleans cluster.';

-- Adds a silo row; true when inserted. The version row is locked and compared first, so two
-- silos racing with the same @Version cannot both win.
CREATE OR REPLACE FUNCTION orleans_membership_insert(
    p_deployment_id    text,
    p_address          text,
    p_port             integer,
    p_generation       integer,
    p_silo_name        text,
    p_host_name        text,
    p_status           integer,
    p_proxy_port       integer,
    p_start_time       timestamptz,
    p_i_am_alive_time  timestamptz,
    p_expected_version integer)
RETURNS boolean
LANGUAGE plpgsql
AS $fn$
BEGIN
    PERFORM 1
       FROM orleans_membership_version
      WHERE deployment_id = p_deployment_id
        AND version = p_expected_version
        FOR UPDATE;
    IF NOT FOUND THEN
        RETURN false;   -- stale table version (or unknown deployment)
    END IF;

    INSERT INTO orleans_membership
        (deployment_id, address, port, generation, silo_name, host_name,
         status, proxy_port, suspect_times, start_time, i_am_alive_time)
    VALUES
        (p_deployment_id, p_address, p_port, p_generation, coalesce(p_silo_name, ''), coalesce(p_host_name, ''),
         p_status, p_proxy_port, NULL, p_start_time, p_i_am_alive_time)
    ON CONFLICT (deployment_id, address, port, generation) DO NOTHING;
    IF NOT FOUND THEN
        RETURN false;   -- this silo incarnation is already registered
    END IF;

    UPDATE orleans_membership_version
       SET version = version + 1,
           changed_at = now()
     WHERE deployment_id = p_deployment_id;
    RETURN true;
END
$fn$;

-- Changes a silo row's status, suspicions and liveness time; true when updated. Same version rule.
CREATE OR REPLACE FUNCTION orleans_membership_update(
    p_deployment_id    text,
    p_address          text,
    p_port             integer,
    p_generation       integer,
    p_status           integer,
    p_suspect_times    text,
    p_i_am_alive_time  timestamptz,
    p_expected_version integer)
RETURNS boolean
LANGUAGE plpgsql
AS $fn$
BEGIN
    PERFORM 1
       FROM orleans_membership_version
      WHERE deployment_id = p_deployment_id
        AND version = p_expected_version
        FOR UPDATE;
    IF NOT FOUND THEN
        RETURN false;
    END IF;

    UPDATE orleans_membership
       SET status = p_status,
           suspect_times = p_suspect_times,
           i_am_alive_time = p_i_am_alive_time
     WHERE deployment_id = p_deployment_id
       AND address = p_address
       AND port = p_port
       AND generation = p_generation;
    IF NOT FOUND THEN
        RETURN false;   -- no such silo row: nothing changed, version untouched
    END IF;

    UPDATE orleans_membership_version
       SET version = version + 1,
           changed_at = now()
     WHERE deployment_id = p_deployment_id;
    RETURN true;
END
$fn$;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES

-- Creates the version row of a cluster if missing. One row, one boolean column: true if created.
('InsertMembershipVersionKey', $q$
WITH created AS (
    INSERT INTO orleans_membership_version (deployment_id)
    VALUES (@DeploymentId)
    ON CONFLICT (deployment_id) DO NOTHING
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM created) AS "Inserted"
$q$),

('InsertMembershipKey', $q$
SELECT orleans_membership_insert(
    @DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName,
    @Status, @ProxyPort, @StartTime, @IAmAliveTime, @Version) AS "Inserted"
$q$),

('UpdateMembershipKey', $q$
SELECT orleans_membership_update(
    @DeploymentId, @Address, @Port, @Generation,
    @Status, @SuspectTimes, @IAmAliveTime, @Version) AS "Updated"
$q$),

-- Liveness heartbeat: not versioned, the provider ignores the result.
('UpdateIAmAlivetimeKey', $q$
UPDATE orleans_membership
   SET i_am_alive_time = @IAmAliveTime
 WHERE deployment_id = @DeploymentId
   AND address = @Address
   AND port = @Port
   AND generation = @Generation
$q$),

-- The version row always comes back (left join), with the silo's columns NULL when it has no row:
-- the provider takes the table version from the first row and skips rows whose StartTime is NULL.
('MembershipReadRowKey', $q$
SELECT v.version         AS "Version",
       m.address         AS "Address",
       m.port            AS "Port",
       m.generation      AS "Generation",
       m.silo_name       AS "SiloName",
       m.host_name       AS "HostName",
       m.status          AS "Status",
       m.proxy_port      AS "ProxyPort",
       m.suspect_times   AS "SuspectTimes",
       m.start_time      AS "StartTime",
       m.i_am_alive_time AS "IAmAliveTime"
  FROM orleans_membership_version AS v
  LEFT JOIN orleans_membership AS m
         ON m.deployment_id = v.deployment_id
        AND m.address = @Address
        AND m.port = @Port
        AND m.generation = @Generation
 WHERE v.deployment_id = @DeploymentId
$q$),

('MembershipReadAllKey', $q$
SELECT v.version         AS "Version",
       m.address         AS "Address",
       m.port            AS "Port",
       m.generation      AS "Generation",
       m.silo_name       AS "SiloName",
       m.host_name       AS "HostName",
       m.status          AS "Status",
       m.proxy_port      AS "ProxyPort",
       m.suspect_times   AS "SuspectTimes",
       m.start_time      AS "StartTime",
       m.i_am_alive_time AS "IAmAliveTime"
  FROM orleans_membership_version AS v
  LEFT JOIN orleans_membership AS m
         ON m.deployment_id = v.deployment_id
 WHERE v.deployment_id = @DeploymentId
 ORDER BY m.address, m.port, m.generation
$q$),

-- Gateways for clients: silos whose status equals @Status (Active) and that run a gateway.
('GatewaysQueryKey', $q$
SELECT address    AS "Address",
       proxy_port AS "ProxyPort",
       generation AS "Generation"
  FROM orleans_membership
 WHERE deployment_id = @DeploymentId
   AND status = @Status
   AND proxy_port > 0
$q$),

-- Removes a whole cluster (test clean-up); the silo rows go with it (ON DELETE CASCADE).
('DeleteMembershipTableEntriesKey', $q$
DELETE FROM orleans_membership_version
 WHERE deployment_id = @DeploymentId
$q$),

-- Periodic clean-up: forget silos that are not Active and have not reported since @IAmAliveTime.
('CleanupDefunctSiloEntriesKey', $q$
DELETE FROM orleans_membership
 WHERE deployment_id = @DeploymentId
   AND status <> 3
   AND i_am_alive_time < @IAmAliveTime
$q$),

-- Optional in 10.4.2; when present the provider prefers it: it reads the table, picks the Dead rows
-- that are old enough, and deletes each one only if it still holds the values it read (an empty and
-- a missing suspicion list count as the same).
('CleanupDefunctSiloEntryKey', $q$
DELETE FROM orleans_membership
 WHERE deployment_id = @DeploymentId
   AND address = @Address
   AND port = @Port
   AND generation = @Generation
   AND status = 6
   AND start_time = @StartTime
   AND i_am_alive_time = @IAmAliveTime
   AND coalesce(suspect_times, '') = coalesce(@SuspectTimes, '')
$q$)

ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
