-- GenomDE schema 002: cluster membership (Orleans.Clustering.AdoNet), PostgreSQL 15+.
--
-- Contract notes (the provider, not we, chooses these):
--   * parameters: @DeploymentId (the ClusterId), @Address/@Port/@Generation (a silo's identity),
--     @SiloName, @HostName, @Status (SiloStatus as int: 3 = Active, 6 = Dead), @ProxyPort,
--     @StartTime, @IAmAliveTime, @SuspectTimes, @Version (the table version the caller read);
--   * result columns are read by name, so every SELECT aliases our snake_case columns back to the
--     names the provider asks for ("Address", "ProxyPort", "Version", ...);
--   * Insert/Update/InsertVersion return exactly one boolean column.
--
-- Design: one version row per cluster is the optimistic-concurrency token of the whole table.
-- A membership change succeeds only if it bumps that row from the version the silo last read;
-- this is what lets silos agree on who is dead without a lock service.

CREATE TABLE IF NOT EXISTS genomde_membership_version
(
    deployment_id varchar(150) NOT NULL,
    version       integer      NOT NULL DEFAULT 0,
    changed_at    timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT pk_genomde_membership_version PRIMARY KEY (deployment_id)
);

CREATE TABLE IF NOT EXISTS genomde_membership
(
    deployment_id   varchar(150)  NOT NULL,
    address         varchar(45)   NOT NULL,   -- textual IPv4/IPv6
    port            integer       NOT NULL,
    generation      integer       NOT NULL,
    silo_name       varchar(150)  NOT NULL,
    host_name       varchar(150)  NOT NULL,
    status          integer       NOT NULL,
    proxy_port      integer       NOT NULL DEFAULT 0,   -- 0 = silo is no gateway
    suspect_times   varchar(8000) NULL,
    start_time      timestamptz   NOT NULL,
    i_am_alive_time timestamptz   NOT NULL,
    CONSTRAINT pk_genomde_membership PRIMARY KEY (deployment_id, address, port, generation),
    -- Cascade so that wiping a cluster is one delete of its version row.
    CONSTRAINT fk_genomde_membership_version FOREIGN KEY (deployment_id)
        REFERENCES genomde_membership_version (deployment_id) ON DELETE CASCADE
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES

-- Heartbeat: deliberately does not bump the table version (it is not a membership change).
('UpdateIAmAlivetimeKey', $q$
UPDATE genomde_membership
   SET i_am_alive_time = @IAmAliveTime
 WHERE deployment_id = @DeploymentId
   AND address = @Address AND port = @Port AND generation = @Generation
$q$),

-- First silo of a cluster creates the version row; "false" when another silo was faster.
('InsertMembershipVersionKey', $q$
WITH created AS (
    INSERT INTO genomde_membership_version (deployment_id) VALUES (@DeploymentId)
    ON CONFLICT (deployment_id) DO NOTHING
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM created)
$q$),

-- Join: bump the version only if the caller saw the current one and the silo is not yet listed;
-- the row lock on the version row serialises concurrent joiners.
('InsertMembershipKey', $q$
WITH bumped AS (
    UPDATE genomde_membership_version AS v
       SET version = v.version + 1, changed_at = now()
     WHERE v.deployment_id = @DeploymentId
       AND v.version = @Version
       AND NOT EXISTS (SELECT 1 FROM genomde_membership AS m
                        WHERE m.deployment_id = @DeploymentId AND m.address = @Address
                          AND m.port = @Port AND m.generation = @Generation)
    RETURNING v.deployment_id
), added AS (
    INSERT INTO genomde_membership (deployment_id, address, port, generation, silo_name, host_name,
                                    status, proxy_port, start_time, i_am_alive_time)
    SELECT b.deployment_id, @Address, @Port, @Generation, @SiloName, @HostName,
           @Status, @ProxyPort, @StartTime, @IAmAliveTime
      FROM bumped AS b
    ON CONFLICT DO NOTHING
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM added)
$q$),

-- Status/suspicion change: same optimistic rule as the join.
('UpdateMembershipKey', $q$
WITH bumped AS (
    UPDATE genomde_membership_version AS v
       SET version = v.version + 1, changed_at = now()
     WHERE v.deployment_id = @DeploymentId
       AND v.version = @Version
       AND EXISTS (SELECT 1 FROM genomde_membership AS m
                    WHERE m.deployment_id = @DeploymentId AND m.address = @Address
                      AND m.port = @Port AND m.generation = @Generation)
    RETURNING v.deployment_id
), changed AS (
    UPDATE genomde_membership AS m
       SET status = @Status, suspect_times = @SuspectTimes, i_am_alive_time = @IAmAliveTime
      FROM bumped AS b
     WHERE m.deployment_id = b.deployment_id
       AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM changed)
$q$),

-- Reads return the table version on every row; the LEFT JOIN yields one row with NULL member
-- columns when the silo is unknown, which the provider reads as "version only".
('MembershipReadRowKey', $q$
SELECT v.version AS "Version",
       m.deployment_id AS "DeploymentId", m.address AS "Address", m.port AS "Port",
       m.generation AS "Generation", m.silo_name AS "SiloName", m.host_name AS "HostName",
       m.status AS "Status", m.proxy_port AS "ProxyPort", m.suspect_times AS "SuspectTimes",
       m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime"
  FROM genomde_membership_version AS v
  LEFT JOIN genomde_membership AS m
    ON m.deployment_id = v.deployment_id
   AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
 WHERE v.deployment_id = @DeploymentId
$q$),

('MembershipReadAllKey', $q$
SELECT v.version AS "Version",
       m.deployment_id AS "DeploymentId", m.address AS "Address", m.port AS "Port",
       m.generation AS "Generation", m.silo_name AS "SiloName", m.host_name AS "HostName",
       m.status AS "Status", m.proxy_port AS "ProxyPort", m.suspect_times AS "SuspectTimes",
       m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime"
  FROM genomde_membership_version AS v
  LEFT JOIN genomde_membership AS m ON m.deployment_id = v.deployment_id
 WHERE v.deployment_id = @DeploymentId
$q$),

-- The FK cascades to the member rows.
('DeleteMembershipTableEntriesKey', $q$
DELETE FROM genomde_membership_version WHERE deployment_id = @DeploymentId
$q$),

-- Clients find gateways here: active silos that opened a gateway port.
('GatewaysQueryKey', $q$
SELECT address AS "Address", proxy_port AS "ProxyPort", generation AS "Generation"
  FROM genomde_membership
 WHERE deployment_id = @DeploymentId AND status = @Status AND proxy_port > 0
$q$),

-- Only dead silos whose last heartbeat is older than the cut-off are removed (6 = SiloStatus.Dead).
('CleanupDefunctSiloEntriesKey', $q$
DELETE FROM genomde_membership
 WHERE deployment_id = @DeploymentId
   AND i_am_alive_time < @IAmAliveTime
   AND status = 6
$q$)

ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
