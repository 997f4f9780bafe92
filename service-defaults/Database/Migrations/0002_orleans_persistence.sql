-- 0002 - Orleans grain state (Microsoft.Orleans.Persistence.AdoNet 10.4.2, Invariant "Npgsql").
--
-- Written for Ticketing from the provider's contract. Every query receives
--   @ServiceId, @GrainTypeString, @GrainTypeHash, @GrainIdN0, @GrainIdN1, @GrainIdExtensionString, @GrainIdHash
-- and, depending on the operation, @GrainStateVersion (the ETag as an integer, NULL before the first
-- write) and @PayloadBinary. In 10.x the provider always hands the serialized state over as bytes
-- (PayloadBinary) whatever the serializer - Newtonsoft/System.Text.Json produce UTF-8 JSON bytes, the
-- Orleans serializer its binary format - so one bytea column stores any of them.
--
-- Row identity is the natural key (service, state name, grain key parts). The two hashes are stored for
-- information only and are not part of the identity, so changing the provider's hash function cannot
-- make existing rows invisible.
--
-- Caution: the provider does not send the grain's type - @GrainTypeString is the *state name* given in
-- [PersistentState("name", ...)] - and the key parts carry no type either. Two grain classes that use
-- the same state name and the same key share one row (JSON fails on read, the Orleans binary serializer
-- may silently decode the other type). Give each grain class's state a name unique across the silo.
--
-- ETag semantics: every successful write or clear gives the row a new version drawn from one
-- database-wide sequence, so a key's versions only grow - also across a delete and re-create
-- (DeleteStateOnClear), where a per-row counter restarting at 1 would let a stale ETag match again.
-- A write, clear or delete whose @GrainStateVersion does not match (or, with a NULL version, finds a
-- row already there) changes nothing and answers NULL, which the provider turns into
-- InconsistentStateException.

-- Source of grain state versions (ETags); wraps around after 2^31 - 1 writes.
CREATE SEQUENCE orleans_grain_state_version AS integer MINVALUE 1 CYCLE;

CREATE TABLE orleans_grain_state
(
    service_id        text        NOT NULL,
    grain_type        text        NOT NULL,   -- @GrainTypeString: the state's name / base type
    grain_id_n0       bigint      NOT NULL,   -- Guid keys: first 8 bytes; integer keys: 0
    grain_id_n1       bigint      NOT NULL,   -- Guid keys: last 8 bytes; integer keys: the key
    grain_id_ext      text        NULL,       -- key extension, or the whole key for string keys
    -- Index-friendly stand-in for grain_id_ext (which can be long): '' means "no extension".
    grain_id_ext_key  text        GENERATED ALWAYS AS (coalesce(md5(grain_id_ext), '')) STORED,
    grain_type_hash   integer     NOT NULL,
    grain_id_hash     integer     NOT NULL,
    payload           bytea       NULL,       -- NULL after ClearState: the record no longer exists
    version           integer     NOT NULL CHECK (version > 0),
    created_at        timestamptz NOT NULL DEFAULT now(),
    modified_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_ext_key)
);

COMMENT ON TABLE orleans_grain_state IS
    'Orleans grain state, one row per (service, state name, grain key). version is the ETag.';

-- Write (insert or replace) a state; returns the new version, or NULL when the caller's version is stale.
CREATE OR REPLACE FUNCTION orleans_grain_state_write(
    p_service_id       text,
    p_grain_type       text,
    p_grain_type_hash  integer,
    p_grain_id_n0      bigint,
    p_grain_id_n1      bigint,
    p_grain_id_ext     text,
    p_grain_id_hash    integer,
    p_expected_version integer,
    p_payload          bytea)
RETURNS integer
LANGUAGE plpgsql
AS $fn$
DECLARE
    v_new integer;
BEGIN
    IF p_expected_version IS NULL THEN
        -- The grain believes nothing is stored yet: only a brand-new row may be created.
        INSERT INTO orleans_grain_state
            (service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_ext,
             grain_type_hash, grain_id_hash, payload, version)
        VALUES
            (p_service_id, p_grain_type, p_grain_id_n0, p_grain_id_n1, p_grain_id_ext,
             p_grain_type_hash, p_grain_id_hash, p_payload, nextval('orleans_grain_state_version'))
        ON CONFLICT DO NOTHING
        RETURNING version INTO v_new;
    ELSE
        UPDATE orleans_grain_state AS s
           SET payload = p_payload,
               version = nextval('orleans_grain_state_version'),
               grain_type_hash = p_grain_type_hash,
               grain_id_hash = p_grain_id_hash,
               modified_at = now()
         WHERE s.service_id = p_service_id
           AND s.grain_type = p_grain_type
           AND s.grain_id_n0 = p_grain_id_n0
           AND s.grain_id_n1 = p_grain_id_n1
           AND s.grain_id_ext_key = coalesce(md5(p_grain_id_ext), '')
           AND s.grain_id_ext IS NOT DISTINCT FROM p_grain_id_ext
           AND s.version = p_expected_version
        RETURNING s.version INTO v_new;
    END IF;
    RETURN v_new;
END
$fn$;

-- Clear a state, keeping its row (so its version lives on); returns the new version or NULL when stale.
CREATE OR REPLACE FUNCTION orleans_grain_state_clear(
    p_service_id       text,
    p_grain_type       text,
    p_grain_id_n0      bigint,
    p_grain_id_n1      bigint,
    p_grain_id_ext     text,
    p_expected_version integer)
RETURNS integer
LANGUAGE sql
AS $fn$
    UPDATE orleans_grain_state AS s
       SET payload = NULL,
           version = nextval('orleans_grain_state_version'),
           modified_at = now()
     WHERE s.service_id = p_service_id
       AND s.grain_type = p_grain_type
       AND s.grain_id_n0 = p_grain_id_n0
       AND s.grain_id_n1 = p_grain_id_n1
       AND s.grain_id_ext_key = coalesce(md5(p_grain_id_ext), '')
       AND s.grain_id_ext IS NOT DISTINCT FROM p_grain_id_ext
       AND s.version = p_expected_version
    RETURNING s.version
$fn$;

-- Delete a state's row (DeleteStateOnClear = true); returns 0 (never a real version) or NULL when stale.
CREATE OR REPLACE FUNCTION orleans_grain_state_delete(
    p_service_id       text,
    p_grain_type       text,
    p_grain_id_n0      bigint,
    p_grain_id_n1      bigint,
    p_grain_id_ext     text,
    p_expected_version integer)
RETURNS integer
LANGUAGE sql
AS $fn$
    DELETE FROM orleans_grain_state AS s
     WHERE s.service_id = p_service_id
       AND s.grain_type = p_grain_type
       AND s.grain_id_n0 = p_grain_id_n0
       AND s.grain_id_n1 = p_grain_id_n1
       AND s.grain_id_ext_key = coalesce(md5(p_grain_id_ext), '')
       AND s.grain_id_ext IS NOT DISTINCT FROM p_grain_id_ext
       AND s.version = p_expected_version
    RETURNING 0
$fn$;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES

-- Zero rows when nothing was ever stored; PayloadBinary NULL (with its Version) after a clear.
('ReadFromStorageKey', $q$
SELECT s.payload AS "PayloadBinary",
       s.version AS "Version"
  FROM orleans_grain_state AS s
 WHERE s.service_id = @ServiceId
   AND s.grain_type = @GrainTypeString
   AND s.grain_id_n0 = @GrainIdN0
   AND s.grain_id_n1 = @GrainIdN1
   AND s.grain_id_ext_key = coalesce(md5(@GrainIdExtensionString), '')
   AND s.grain_id_ext IS NOT DISTINCT FROM @GrainIdExtensionString
$q$),

-- Always exactly one row; NewGrainStateVersion NULL means "version conflict".
('WriteToStorageKey', $q$
SELECT orleans_grain_state_write(
    @ServiceId, @GrainTypeString, @GrainTypeHash, @GrainIdN0, @GrainIdN1,
    @GrainIdExtensionString, @GrainIdHash, @GrainStateVersion, @PayloadBinary) AS "NewGrainStateVersion"
$q$),

('ClearStorageKey', $q$
SELECT orleans_grain_state_clear(
    @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1,
    @GrainIdExtensionString, @GrainStateVersion) AS "Version"
$q$),

('DeleteStorageKey', $q$
SELECT orleans_grain_state_delete(
    @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1,
    @GrainIdExtensionString, @GrainStateVersion) AS "Version"
$q$)

ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
