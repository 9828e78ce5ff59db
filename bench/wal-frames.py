#!/usr/bin/env python3
"""Pages a member change writes on SQLite (docs/performance.md, "Pages written per member change").

Starts `roster serve` on a fresh database in a temporary folder, creates users, a group the role
rules leave alone and one a rule maps (each with MEMBERS members), and sends single member adds
and removes in Okta's and Entra ID's shapes, and a rename, three of each. Before each request the
WAL is checkpointed to empty; after it, the WAL's frame headers say which pages the request's
transaction wrote (one frame a page), and SQLite's dbstat names the b-tree of each. Frame counts
are exact and do not depend on the machine's load.

    dotnet build src/Roster.Cli -c Release
    python3 bench/wal-frames.py src/Roster.Cli/bin/Release/net10.0/roster.dll [PORT] [MEMBERS]
"""
import atexit, collections, json, os, sqlite3, struct, subprocess, sys, tempfile, time, urllib.request

dll = sys.argv[1]
port = sys.argv[2] if len(sys.argv) > 2 else '5725'
members = int(sys.argv[3]) if len(sys.argv) > 3 else 2000
work = tempfile.mkdtemp(prefix='roster-wal-frames.')
db = os.path.join(work, 'roster.db')
PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp'


def cli(*args):
    return subprocess.run(['dotnet', dll, *args, '--data', db], capture_output=True, text=True, check=True).stdout


init = json.loads(cli('init', '--json'))
org, token = init['orgId'], init['token']
server = subprocess.Popen(['dotnet', dll, 'serve', '--data', db, '--urls', f'http://127.0.0.1:{port}'],
                          env=dict(os.environ, Roster__RateLimits__Enabled='false'),
                          stdout=open(os.path.join(work, 'serve.log'), 'w'), stderr=subprocess.STDOUT)
atexit.register(server.kill)
base = f'http://127.0.0.1:{port}/scim/v2/{org}/'


def scim(method, path, body=None):
    request = urllib.request.Request(base + path, method=method, data=json.dumps(body).encode() if body is not None else None,
                                     headers={'Authorization': 'Bearer ' + token, 'Content-Type': 'application/scim+json'})
    with urllib.request.urlopen(request) as response:
        text = response.read()
        return json.loads(text) if text else None


for _ in range(200):
    try:
        scim('GET', 'ServiceProviderConfig')
        break
    except OSError:
        time.sleep(0.3)


def user(i):
    return scim('POST', 'Users', {'schemas': ['urn:ietf:params:scim:schemas:core:2.0:User'], 'userName': f'u{i}@example.com',
                                  'name': {'givenName': 'U', 'familyName': str(i)}, 'emails': [{'value': f'u{i}@example.com', 'primary': True}]})['id']


def patch(*operations):
    return {'schemas': [PATCH], 'Operations': list(operations)}


def group(name, ids):
    created = scim('POST', 'Groups', {'schemas': ['urn:ietf:params:scim:schemas:core:2.0:Group'], 'displayName': name})['id']
    for start in range(0, len(ids), 500):
        scim('PATCH', f'Groups/{created}', patch({'op': 'add', 'path': 'members', 'value': [{'value': m} for m in ids[start:start + 500]]}))
    return created


ids = [user(i) for i in range(members + 3)]
plain, mapped = group('Plain', ids[:members]), group('Mapped', ids[:members])
cli('roles', 'create', '--tenant', org, '--name', 'Mapped role', '--permissions', 'employees.view')
cli('role-rules', 'add', '--tenant', org, '--match', 'group.displayName', '--value', 'Mapped', '--role', 'Mapped role')
spare = ids[members:]


def frames():
    wal = open(db + '-wal', 'rb').read()
    if len(wal) < 32:
        return 0, {}
    size, offset, pages = struct.unpack('>I', wal[8:12])[0], 32, []
    while offset + 24 + size <= len(wal):
        pages.append(struct.unpack('>I', wal[offset:offset + 4])[0])
        offset += 24 + size
    with sqlite3.connect(f'file:{db}?mode=ro', uri=True) as read:
        names = {page: name for name, page in read.execute('SELECT name, pageno FROM dbstat')}
    return len(pages), dict(collections.Counter(names.get(p) for p in pages).most_common())


def measure(label, path, body):
    seen = []
    for run in range(3):
        time.sleep(0.3)  # the server's own background writes (none expected) land before the checkpoint
        with sqlite3.connect(db) as checkpoint:
            checkpoint.execute('PRAGMA wal_checkpoint(TRUNCATE)').fetchall()
        scim('PATCH', path, body(run))
        seen.append(frames())
    print(f'{label:26} frames {[s[0] for s in seen]}  last: {seen[-1][1]}')


shapes = {
    'Okta': (lambda m: patch({'op': 'add', 'path': 'members', 'value': [{'value': m}]}),
             lambda m: patch({'op': 'remove', 'path': f'members[value eq "{m}"]'})),
    'Entra': (lambda m: patch({'op': 'Add', 'path': 'members', 'value': [{'value': m}]}),
              lambda m: patch({'op': 'Remove', 'path': 'members', 'value': [{'value': m}]})),
}
for name, target in (('unmapped', plain), ('mapped', mapped)):
    for shape, (add, remove) in shapes.items():
        measure(f'{shape} add, {name}', f'Groups/{target}', lambda run, add=add: add(spare[run]))
        measure(f'{shape} remove, {name}', f'Groups/{target}', lambda run, remove=remove: remove(spare[run]))
measure('rename, unmapped', f'Groups/{plain}', lambda run: patch({'op': 'replace', 'path': 'displayName', 'value': f'Plain {run}'}))
