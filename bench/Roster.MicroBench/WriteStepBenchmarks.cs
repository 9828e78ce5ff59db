using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Roster.Directory.Audit;
using Roster.Directory.Database;
using Roster.Directory.Events;
using Roster.Directory.Provisioning;
using Roster.Directory.Resources;
using Roster.Directory.Roles;
using Roster.Directory.SchemaExtensions;
using Roster.Directory.Users;
using Roster.Scim.Patching;
using Roster.Scim.Resources;

namespace Roster.MicroBench;

/// <summary>
/// A SCIM create and PATCH of a user, whole (the use case on a real SQLite file, durable commit
/// included) and step by step: the write session opened and rolled back, the provisioning rules
/// read and applied, the INSERT, the audit row and its event, the audit's diff and the event's
/// payload on their own. A step that writes runs in a write session rolled back at its end, so
/// the file does not grow with the iterations; the session's own cost is
/// <see cref="WriteSessionRolledBack"/>, to subtract.
/// </summary>
[MemoryDiagnoser]
public class WriteStepBenchmarks : IDisposable
{
    private static readonly ScimCaller Caller = new(Guid.Empty, null, "bench", null, PermissionSet.Unbounded);

    private readonly byte[] _createBody = SampleBodies.CreateUser("bench.user@example.com");
    private InMemoryRoster _roster = null!;
    private DirectoryDatabase _database = null!;
    private UserStore _users = null!;
    private ScimCaller _caller = null!;
    private JsonObject _stored = null!;
    private string _patchUserId = null!;
    private IReadOnlyList<PatchOperation> _deactivate = null!;
    private IReadOnlyList<PatchOperation> _reactivate = null!;
    private long _created;
    private long _patched;

    [GlobalSetup]
    public void Setup()
    {
        _roster = InMemoryRoster.StartAsync().GetAwaiter().GetResult();
        _database = _roster.Services.GetRequiredService<DirectoryDatabase>();
        _users = _roster.Services.GetRequiredService<UserStore>();
        _caller = Caller with { TenantId = _roster.TenantId };
        _patchUserId = _roster.CreateUserAsync("patched@example.com").GetAwaiter().GetResult();
        _stored = JsonNode.Parse(StoredUser.Document)!.AsObject();
        _deactivate = PatchRequestReader.Read(RequestBodyParser.Parse(SampleBodies.OktaDeactivate).Value).Value!;
        _reactivate = [_deactivate[0] with { Value = new JsonObject { ["active"] = true } }];
    }

    [GlobalCleanup]
    public void Dispose()
    {
        GC.SuppressFinalize(this);
        _roster.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    /// <summary>The whole create use case: parse, normalise, rules, INSERT, grants, audit and event, durable commit.</summary>
    [Benchmark]
    public async Task<bool> CreateUserWhole()
    {
        var body = RequestBodyParser.Parse(SampleBodies.CreateUser($"create.{Interlocked.Increment(ref _created)}.{Environment.TickCount64}@example.com")).Value!;
        return (await _users.CreateAsync(_caller, body, CancellationToken.None)).IsSuccess;
    }

    /// <summary>The whole PATCH use case (Okta's deactivate, then a reactivate, in turn).</summary>
    [Benchmark]
    public async Task<bool> PatchUserWhole()
    {
        var operations = Interlocked.Increment(ref _patched) % 2 == 0 ? _reactivate : _deactivate;
        return (await _users.PatchAsync(_caller, _patchUserId, operations, null, includeMembers: false, CancellationToken.None)).IsSuccess;
    }

    [Benchmark]
    public async Task WriteSessionRolledBack()
    {
        await using var session = await _database.WriteAsync(_roster.TenantId, CancellationToken.None);
    }

    [Benchmark]
    public async Task<bool> ReadSessionWithRead()
    {
        await using var session = await _database.ReadAsync(_roster.TenantId, CancellationToken.None);
        return await UserSql.ReadAsync(session, Guid.Parse(_patchUserId), CancellationToken.None) is not null;
    }

    /// <summary>The create's body into its stored form: parse, normalise, the document for storage.</summary>
    [Benchmark]
    public JsonObject ParseAndNormalize()
    {
        var body = RequestBodyParser.Parse(_createBody).Value!;
        var user = ResourceNormalizer.Normalize(body, TenantSchemas.Standard.User, ResourceWriteMode.Create).Value!;
        return ResourceDocuments.ForStorage(user, StoredUser.Id);
    }

    /// <summary>The tenant's provisioning rules read (scim_settings) and applied, in a write session rolled back.</summary>
    [Benchmark]
    public async Task<bool> ProvisioningRulesInSession()
    {
        await using var session = await _database.WriteAsync(_roster.TenantId, CancellationToken.None);
        var user = JsonNode.Parse(StoredUser.Document)!.AsObject();
        return (await ProvisioningPolicy.ApplyAsync(session, null, null, user, PermissionSet.Unbounded, PrivilegeRules.Credentials, CancellationToken.None)).IsSuccess;
    }

    /// <summary>The INSERT of a user and its email key, in a write session rolled back.</summary>
    [Benchmark]
    public async Task InsertInSession()
    {
        await using var session = await _database.WriteAsync(_roster.TenantId, CancellationToken.None);
        var document = JsonNode.Parse(StoredUser.Document)!.AsObject();
        var columns = UserColumns.From(document).Value!;
        await UserSql.InsertAsync(session, Guid.CreateVersion7(), columns, DateTimeOffset.UtcNow, StoredUser.Document, null, CancellationToken.None);
    }

    /// <summary>The create's audit row and its <c>user.created</c> event (diff, payload, one command), in a write session rolled back.</summary>
    [Benchmark]
    public async Task AuditAndEventInSession()
    {
        await using var session = await _database.WriteAsync(_roster.TenantId, CancellationToken.None);
        var now = DateTimeOffset.UtcNow;
        var entry = AuditEntry.For(_caller, AuditActions.UserCreate, AuditResourceTypes.User, StoredUser.Id, AuditChanges.Diff(null, _stored))
            with
        { After = new ResourceRow(StoredUser.Id, 1, now, now, StoredUser.Document) };
        await AuditTrail.AppendAsync(session, entry, now, CancellationToken.None);
    }

    /// <summary>The create's audit diff (every attribute, copied) as the text stored.</summary>
    [Benchmark]
    public string AuditDiffOfCreate() => AuditChanges.Diff(null, _stored).ToJsonString();

    /// <summary>A PATCH's audit diff (one attribute changed).</summary>
    [Benchmark]
    public string AuditDiffOfPatch()
    {
        var next = _stored.DeepClone().AsObject();
        next["active"] = false;
        return AuditChanges.Diff(_stored, next).ToJsonString();
    }

    /// <summary>The <c>user.created</c> event's data (the resource with <c>meta</c>, the changes), without the SQL.</summary>
    [Benchmark]
    public int EventPayloadOfCreate()
    {
        var now = DateTimeOffset.UtcNow;
        var entry = AuditEntry.For(_caller, AuditActions.UserCreate, AuditResourceTypes.User, StoredUser.Id, AuditChanges.Diff(null, _stored))
            with
        { After = new ResourceRow(StoredUser.Id, 1, now, now, StoredUser.Document) };
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(512);
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var pending in DirectoryEvents.For(entry, entry.After))
            {
                pending.WriteData(writer);
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenCount;
    }

    /// <summary>A PATCH computed on the stored row: parse the row's document and apply Okta's deactivate.</summary>
    [Benchmark]
    public JsonObject PatchComputed()
    {
        var stored = JsonNode.Parse(StoredUser.Document)!.AsObject();
        return PatchEngine.Apply(stored, _deactivate, TenantSchemas.Standard.User).Value!;
    }
}
