-- Bulk seeding of one Roster tenant on PostgreSQL, for scale benchmarks only: rows are written
-- straight into Roster's tables, in the form `POST /Users` and `POST /Groups` store them, so that a
-- directory of a million users exists in a minute instead of the quarter of an hour SCIM creates
-- would take. No audit events are written. Everything measured afterwards goes through the HTTP
-- API of a running `roster serve`. Run by bench/seed.sh, which sets these psql variables:
--   tenant      the tenant (orgId from `roster init --json`)
--   user_from   first user number to insert (users already seeded are 0 .. user_from-1)
--   user_to     users after this run: numbers user_from .. user_to-1 are inserted
--   groups      groups to insert (0 = none); group 0 is 'seed-big-group'
--   big_group   members of seed-big-group: users 0 .. big_group-1
-- User n is userName 'seed-n@example.com' (externalId 'seed-n'); users from big_group on are
-- outside the big group, and every tenth user is in one of the other groups.
\set ON_ERROR_STOP on

-- A version 7 style uuid that grows with n (so the primary key is appended to, as with Roster's
-- own ids): 48 bits of milliseconds from 2026-01-01, version 7, then the kind (0 user, 1 group) and n.
CREATE FUNCTION pg_temp.seed_id(kind integer, n bigint) RETURNS uuid LANGUAGE sql IMMUTABLE AS $$
  SELECT (lpad(to_hex(1767225600000 + n), 12, '0') || '7' || lpad(to_hex(kind), 3, '0') || '8' || lpad(to_hex(n), 15, '0'))::uuid
$$;

-- One millisecond apart, like users created one after another.
CREATE FUNCTION pg_temp.seed_time(n bigint) RETURNS timestamptz LANGUAGE sql IMMUTABLE AS $$
  SELECT timestamptz '2026-01-01 00:00:00+00' + n * interval '1 millisecond'
$$;

BEGIN;

-- The user rows and their case-folded email keys (Roster folds with ToUpperInvariant; upper() is
-- the same for these ASCII names).
WITH seeded AS (
  SELECT n, pg_temp.seed_id(0, n) AS id, 'seed-' || n || '@example.com' AS user_name, pg_temp.seed_time(n) AS at
  FROM generate_series(:user_from::bigint, :user_to::bigint - 1) AS n
), inserted AS (
  INSERT INTO users (tenant_id, id, user_name, user_name_key, external_id, display_name, display_name_key, active,
                     created, last_modified, version, document, status)
  SELECT :'tenant'::uuid, id, user_name, upper(user_name), 'seed-' || n, NULL, NULL, TRUE, at, at, 1,
         jsonb_build_object(
           'schemas', jsonb_build_array('urn:ietf:params:scim:schemas:core:2.0:User'),
           'id', id::text,
           'userName', user_name,
           'name', jsonb_build_object('givenName', 'Seed', 'familyName', 'User' || n),
           'emails', jsonb_build_array(jsonb_build_object('value', user_name, 'type', 'work', 'primary', TRUE)),
           'active', TRUE,
           'externalId', 'seed-' || n),
         'active'
  FROM seeded
  RETURNING id, user_name_key
)
INSERT INTO user_emails (tenant_id, user_id, value_key)
SELECT :'tenant'::uuid, id, user_name_key FROM inserted;

INSERT INTO groups (tenant_id, id, display_name, display_name_key, external_id, created, last_modified, version, document)
SELECT :'tenant'::uuid, pg_temp.seed_id(1, g), name, upper(name), NULL, pg_temp.seed_time(g), pg_temp.seed_time(g), 1,
       jsonb_build_object(
         'schemas', jsonb_build_array('urn:ietf:params:scim:schemas:core:2.0:Group'),
         'id', pg_temp.seed_id(1, g)::text,
         'displayName', name)
FROM (SELECT g, CASE WHEN g = 0 THEN 'seed-big-group' ELSE 'seed-group-' || g END AS name
      FROM generate_series(0, :groups::bigint - 1) AS g) AS named;

-- The big group's members, then every tenth user in one of the other groups, round robin.
INSERT INTO group_members (tenant_id, group_id, member_id, member_type)
SELECT :'tenant'::uuid, pg_temp.seed_id(1, 0), pg_temp.seed_id(0, n), 'User'
FROM generate_series(0, LEAST(:big_group::bigint, :user_to::bigint) - 1) AS n
WHERE :groups::bigint > 0;

INSERT INTO group_members (tenant_id, group_id, member_id, member_type)
SELECT :'tenant'::uuid, pg_temp.seed_id(1, 1 + (n / 10) % (:groups::bigint - 1)), pg_temp.seed_id(0, n), 'User'
FROM generate_series(0, :user_to::bigint - 1, 10) AS n
WHERE :groups::bigint > 1;

COMMIT;

-- A directory that has been in use has statistics and a visibility map; a bulk load has neither
-- until autovacuum gets to it, so give the planner what it would normally have.
VACUUM ANALYZE users, user_emails, groups, group_members;

-- Write the bulk load's dirty pages out now, rather than in a checkpoint during the first timed
-- phase: a directory in use does not carry a gigabyte of unwritten pages.
CHECKPOINT;
