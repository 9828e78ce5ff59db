#!/usr/bin/env python3
"""Pages a write adds to SQLite's WAL, per SCIM request, counted exactly.

Starts `roster serve` from a Release build on a fresh SQLite database, creates --users users, then
for each operation of the scenario sends --requests requests, one at a time: before each, a TRUNCATE checkpoint
empties the WAL; after it, the WAL's frame headers give the pages the request's transaction wrote
(one frame per page), and SQLite's dbstat maps each page to its table or index. Frame counts do not
depend on the machine's load; they vary a little between requests with the b-tree splits that a
request happens to cause, hence the average over --requests.

    dotnet build src/Roster.Cli -c Release
    python3 bench/wal-pages.py src/Roster.Cli/bin/Release/net10.0 --port 5110
    python3 bench/wal-pages.py src/Roster.Cli/bin/Release/net10.0 --scenario members --members 2000 --requests 3

Scenarios: `users` (a create, PATCHes in Okta's and Entra ID's shapes, a PUT) and `members` (one
member added to and removed from a group the role rules leave alone and one a rule maps, each of
--members members, in both shapes, and a group rename).

Needs python3 with its sqlite3 module built with dbstat (Debian's is).
"""
import argparse
import collections
import json
import os
import shutil
import sqlite3
import struct
import subprocess
import tempfile
import time
import urllib.request

USER = 'urn:ietf:params:scim:schemas:core:2.0:User'
GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group'
PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp'


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('build', help='folder holding roster.dll (a Release build of src/Roster.Cli)')
    parser.add_argument('--port', type=int, default=5110)
    parser.add_argument('--users', type=int, default=500, help='users created before measuring')
    parser.add_argument('--requests', type=int, default=40, help='requests measured per operation')
    parser.add_argument('--scenario', choices=['users', 'members'], default='users')
    parser.add_argument('--members', type=int, default=2000, help='members of each group (scenario members)')
    args = parser.parse_args()

    work = tempfile.mkdtemp(prefix='roster-wal-pages-')
    db = os.path.join(work, 'roster.db')
    roster = os.path.join(os.path.abspath(args.build), 'roster.dll')
    init = json.loads(subprocess.check_output(['dotnet', roster, 'init', '--data', db, '--json'], cwd=work))
    env = dict(os.environ, Roster__RateLimits__Enabled='false')
    log = open(os.path.join(work, 'serve.log'), 'w')
    server = subprocess.Popen(['dotnet', roster, 'serve', '--data', db, '--urls', f'http://127.0.0.1:{args.port}'],
                              cwd=work, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        scim = Scim(f'http://127.0.0.1:{args.port}/scim/v2/{init["orgId"]}', init['token'])
        if args.scenario == 'users':
            users = [scim.create() for _ in range(args.users)]
            operations = user_operations(scim, users)
        else:
            users = [scim.create() for _ in range(args.members + args.requests)]
            operations = member_operations(scim, roster, db, init['orgId'], users[:args.members], users[args.members:])
        for name, send in operations:
            counts, per_tree = [], collections.Counter()
            for i in range(args.requests):
                empty_wal(db)
                send(i % len(users))
                frames, trees = written(db)
                counts.append(frames)
                per_tree.update(trees)
            n = len(counts)
            print(f'{name}: {sum(counts) / n:.2f} frames per request over {n} (min {min(counts)}, median {sorted(counts)[n // 2]}, max {max(counts)}; {counts if n <= 5 else "..."})')
            print('  by table or index:', ', '.join(f'{tree} {count / n:.2f}' for tree, count in per_tree.most_common()))
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(work, ignore_errors=True)


def user_operations(scim, users):
    return [
        ('create', lambda i: scim.create()),
        ('PATCH replace active=false (Okta)', lambda i: scim.patch(users[i], {'op': 'replace', 'value': {'active': False}})),
        ('PATCH Replace name.givenName (Entra)', lambda i: scim.patch(users[i], {'op': 'Replace', 'path': 'name.givenName', 'value': f'Given{i}'})),
        ('PATCH Replace displayName (Entra)', lambda i: scim.patch(users[i], {'op': 'Replace', 'path': 'displayName', 'value': f'Display {i}'})),
        ('PUT, name.givenName changed', lambda i: scim.put_given_name(users[i], f'Put{i}')),
    ]


def member_operations(scim, roster, db, org, members, spare):
    """A group the rules leave alone and one a rule maps, each holding members; spare users come and go."""
    plain, mapped = scim.group('Plain', members), scim.group('Mapped', members)
    cli = lambda *args: subprocess.run(['dotnet', roster, *args, '--data', db, '--tenant', org], capture_output=True, check=True)
    cli('roles', 'create', '--name', 'Mapped role', '--permissions', 'employees.view')
    cli('role-rules', 'add', '--match', 'group.displayName', '--value', 'Mapped', '--role', 'Mapped role')
    shapes = {
        'Okta': (lambda m: {'op': 'add', 'path': 'members', 'value': [{'value': m['id']}]},
                 lambda m: {'op': 'remove', 'path': f'members[value eq "{m["id"]}"]'}),
        'Entra ID': (lambda m: {'op': 'Add', 'path': 'members', 'value': [{'value': m['id']}]},
                     lambda m: {'op': 'Remove', 'path': 'members', 'value': [{'value': m['id']}]}),
    }
    operations = []
    for name, group in (('unmapped', plain), ('mapped', mapped)):
        for shape, (add, remove) in shapes.items():
            operations.append((f'{shape} add, {name} group', lambda i, g=group, add=add: scim.patch_group(g, add(spare[i % len(spare)]))))
            operations.append((f'{shape} remove, {name} group', lambda i, g=group, remove=remove: scim.patch_group(g, remove(spare[i % len(spare)]))))
    operations.append(('rename of a group (displayName)', lambda i: scim.patch_group(plain, {'op': 'replace', 'path': 'displayName', 'value': f'Plain {i}'})))
    return operations


class Scim:
    def __init__(self, base, token):
        self.base, self.token, self.count = base, token, 0
        for _ in range(100):
            try:
                self.send('GET', '/Users?count=1')
                return
            except OSError:
                time.sleep(0.3)

    def send(self, method, path, body=None):
        request = urllib.request.Request(self.base + path, method=method, data=json.dumps(body).encode() if body is not None else None,
                                         headers={'Authorization': 'Bearer ' + self.token, 'Content-Type': 'application/scim+json'})
        with urllib.request.urlopen(request) as response:
            return json.loads(response.read() or b'null')

    def create(self):
        self.count += 1
        name = f'user{self.count}@example.com'
        return self.send('POST', '/Users', {'schemas': [USER], 'userName': name, 'externalId': f'ext-{self.count}', 'active': True,
                                            'name': {'givenName': 'Bench', 'familyName': f'User{self.count}'},
                                            'emails': [{'value': name, 'type': 'work', 'primary': True}]})

    def patch(self, user, operation):
        self.send('PATCH', '/Users/' + user['id'], {'schemas': [PATCH], 'Operations': [operation]})

    def group(self, name, members):
        created = self.send('POST', '/Groups', {'schemas': [GROUP], 'displayName': name})
        for start in range(0, len(members), 500):
            self.patch_group(created, {'op': 'add', 'path': 'members', 'value': [{'value': m['id']} for m in members[start:start + 500]]})
        return created

    def patch_group(self, group, operation):
        self.send('PATCH', '/Groups/' + group['id'], {'schemas': [PATCH], 'Operations': [operation]})

    def put_given_name(self, user, given_name):
        document = self.send('GET', '/Users/' + user['id'])
        document.pop('meta', None)
        document.pop('groups', None)
        document['name']['givenName'] = given_name
        self.send('PUT', '/Users/' + user['id'], document)


def empty_wal(db):
    # The server's connections may be reading for a moment: try again until the WAL is empty.
    for _ in range(200):
        connection = sqlite3.connect(db)
        busy = connection.execute('PRAGMA wal_checkpoint(TRUNCATE)').fetchone()[0]
        connection.close()
        if busy == 0 and os.path.getsize(db + '-wal') == 0:
            return
        time.sleep(0.05)
    raise SystemExit('the WAL could not be emptied')


def written(db):
    wal = open(db + '-wal', 'rb').read()
    page_size = struct.unpack('>I', wal[8:12])[0]
    pages, offset = [], 32
    while offset + 24 + page_size <= len(wal):
        pages.append(struct.unpack('>I', wal[offset:offset + 4])[0])
        offset += 24 + page_size
    connection = sqlite3.connect(f'file:{db}?mode=ro', uri=True)
    tree = {page: name for name, page in connection.execute('SELECT name, pageno FROM dbstat')}
    connection.close()
    return len(pages), collections.Counter(tree.get(page, 'page not in a b-tree (free list)') for page in pages)


if __name__ == '__main__':
    main()
