-- Bulk seeding of one Roster tenant on SQLite, for scale benchmarks only: rows are written straight
-- into Roster's tables, in the form `POST /Users` and `POST /Groups` store them (see postgres.sql for
-- the whole story). Run by bench/seed.sh with the sqlite3 shell, which binds these parameters:
--   @tenant     the tenant's id as a blob (X'...')
--   @user_from, @user_to, @groups, @big_group   as in postgres.sql
-- Ids are 16-byte blobs, as Roster stores them (big-endian GUID bytes). This sqlite3 may predate
-- unhex(), so a blob is built from char() codes below 128 (one byte each in UTF-8): a fixed prefix
-- with the version 7 nibble, the kind (1 user, 2 group), then n in base 128, so ids grow with n.
-- Times are Roster's fixed-width text, one millisecond apart from 2026-01-01.
PRAGMA synchronous = OFF;
BEGIN IMMEDIATE;

-- Views cannot take parameters, so they read them from this one-row table.
CREATE TEMP TABLE seed_args AS
SELECT @tenant AS tenant, @user_from AS user_from, @user_to AS user_to, @groups AS groups, @big_group AS big_group;

CREATE TEMP VIEW seed_users AS
WITH RECURSIVE seq(n) AS (SELECT (SELECT user_from FROM seed_args) WHERE (SELECT user_from FROM seed_args) < (SELECT user_to FROM seed_args) UNION ALL SELECT n + 1 FROM seq WHERE n + 1 < (SELECT user_to FROM seed_args))
SELECT n,
       CAST(char(1, 32, 1, 1, 1, 1, 112, 1, 1, 1, 1, (n >> 28) & 127, (n >> 21) & 127, (n >> 14) & 127, (n >> 7) & 127, n & 127) AS BLOB) AS id,
       'seed-' || n || '@example.com' AS user_name,
       strftime('%Y-%m-%dT%H:%M:%fZ', 1767225600 + n / 1000.0, 'unixepoch') AS at
FROM seq;

INSERT INTO users (tenant_id, id, user_name, user_name_key, external_id, display_name, display_name_key, active,
                   created, last_modified, version, document, status)
SELECT (SELECT tenant FROM seed_args), id, user_name, upper(user_name), 'seed-' || n, NULL, NULL, 1, at, at, 1,
       json_object(
         'schemas', json_array('urn:ietf:params:scim:schemas:core:2.0:User'),
         'id', lower(substr(hex(id), 1, 8) || '-' || substr(hex(id), 9, 4) || '-' || substr(hex(id), 13, 4) || '-' || substr(hex(id), 17, 4) || '-' || substr(hex(id), 21)),
         'userName', user_name,
         'name', json_object('givenName', 'Seed', 'familyName', 'User' || n),
         'emails', json_array(json_object('value', user_name, 'type', 'work', 'primary', json('true'))),
         'active', json('true'),
         'externalId', 'seed-' || n),
       'active'
FROM seed_users;

-- Case-folded email keys (Roster folds with ToUpperInvariant; upper() is the same for ASCII).
INSERT INTO user_emails (tenant_id, user_id, value_key)
SELECT (SELECT tenant FROM seed_args), id, upper(user_name) FROM seed_users;

CREATE TEMP VIEW seed_groups AS
WITH RECURSIVE seq(g) AS (SELECT 0 WHERE (SELECT groups FROM seed_args) > 0 UNION ALL SELECT g + 1 FROM seq WHERE g + 1 < (SELECT groups FROM seed_args))
SELECT g,
       CAST(char(1, 32, 2, 1, 1, 1, 112, 1, 1, 1, 1, (g >> 28) & 127, (g >> 21) & 127, (g >> 14) & 127, (g >> 7) & 127, g & 127) AS BLOB) AS id,
       CASE WHEN g = 0 THEN 'seed-big-group' ELSE 'seed-group-' || g END AS display_name,
       strftime('%Y-%m-%dT%H:%M:%fZ', 1767225600 + g / 1000.0, 'unixepoch') AS at
FROM seq;

INSERT INTO groups (tenant_id, id, display_name, display_name_key, external_id, created, last_modified, version, document)
SELECT (SELECT tenant FROM seed_args), id, display_name, upper(display_name), NULL, at, at, 1,
       json_object(
         'schemas', json_array('urn:ietf:params:scim:schemas:core:2.0:Group'),
         'id', lower(substr(hex(id), 1, 8) || '-' || substr(hex(id), 9, 4) || '-' || substr(hex(id), 13, 4) || '-' || substr(hex(id), 17, 4) || '-' || substr(hex(id), 21)),
         'displayName', display_name)
FROM seed_groups;

-- The big group's members (users 0 .. (SELECT big_group FROM seed_args)-1), then every tenth user in one of the other
-- groups, round robin; ids are computed from the numbers, as above, rather than looked up.
CREATE TEMP VIEW seed_members AS
WITH RECURSIVE seq(n) AS (SELECT 0 WHERE (SELECT groups FROM seed_args) > 0 AND (SELECT user_to FROM seed_args) > 0 UNION ALL SELECT n + 1 FROM seq WHERE n + 1 < (SELECT user_to FROM seed_args))
SELECT CASE WHEN n < (SELECT big_group FROM seed_args) THEN 0 END AS big,
       CASE WHEN n % 10 = 0 AND (SELECT groups FROM seed_args) > 1 THEN 1 + (n / 10) % ((SELECT groups FROM seed_args) - 1) END AS small,
       CAST(char(1, 32, 1, 1, 1, 1, 112, 1, 1, 1, 1, (n >> 28) & 127, (n >> 21) & 127, (n >> 14) & 127, (n >> 7) & 127, n & 127) AS BLOB) AS member_id
FROM seq;

INSERT INTO group_members (tenant_id, group_id, member_id, member_type)
SELECT (SELECT tenant FROM seed_args), CAST(char(1, 32, 2, 1, 1, 1, 112, 1, 1, 1, 1, (g >> 28) & 127, (g >> 21) & 127, (g >> 14) & 127, (g >> 7) & 127, g & 127) AS BLOB), member_id, 'User'
FROM (SELECT big AS g, member_id FROM seed_members WHERE big IS NOT NULL
      UNION ALL
      SELECT small AS g, member_id FROM seed_members WHERE small IS NOT NULL);

COMMIT;

-- Move the bulk load from the write-ahead log into the database file now, rather than in a
-- checkpoint during the first timed phase.
PRAGMA wal_checkpoint(TRUNCATE);
