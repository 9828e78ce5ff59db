using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Roster.Directory.Credentials;
using Roster.Directory.Database;
using Roster.Directory.Resources;

namespace Roster.Directory.Operators;

/// <summary>
/// Operator keys: made by the operator (<c>roster operator-keys create</c>), shown once, stored
/// as a SHA-256 hash, compared in constant time, revoked at once. A key belongs to no tenant and
/// is accepted by the operator API only; no tenant credential is accepted there.
/// </summary>
public sealed class OperatorKeys(DirectoryDatabase database, TimeProvider time)
{
    /// <summary>
    /// Short enough that the audit's client, "operator key &lt;name&gt;", fits every column that
    /// records who acted (a setup link's <c>issued_by</c> holds 50 characters).
    /// </summary>
    public const int MaxNameLength = 36;

    private readonly UseStampGate _stamps = new();

    public async Task<Administration.AdminResult<IssuedOperatorKey>> CreateAsync(OperatorActor actor, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length is 0 or > MaxNameLength)
        {
            return Administration.AdminError.Validation($"An operator key needs a name of 1 to {MaxNameLength} characters, saying what uses it.");
        }

        var secret = OperatorKeyFormat.Generate();
        var now = ScimDateTime.Truncate(time.GetUtcNow());
        var key = new OperatorKey(Guid.CreateVersion7(now), trimmed, SecretFormat.Hint(secret), now, null, null);
        await using var session = await database.WriteAsync(Guid.Empty, cancellationToken);
        var parameters = session.Parameters();
        var dialect = session.Dialect;
        await session.ExecuteAsync(
            "INSERT INTO operator_keys (id, name, hash, hint, created, revoked, last_used) " +
            $"VALUES ({parameters.Add(dialect.Key(key.Id))}, {parameters.Add(key.Name)}, {parameters.Add(SecretFormat.Hash(secret))}, {parameters.Add(key.Hint)}, " +
            $"{parameters.Add(dialect.Timestamp(now))}, NULL, NULL)",
            parameters, cancellationToken, OperatorRows.Scope);
        await OperatorEvents.AppendAsync(session, actor, OperatorEvents.KeyCreate, null, new JsonObject { ["id"] = key.Id.ToString(), ["name"] = key.Name, ["hint"] = key.Hint }, cancellationToken);
        await session.CommitAsync(cancellationToken);
        return new IssuedOperatorKey(key, secret);
    }

    public async Task<IReadOnlyList<OperatorKey>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext(Guid.Empty);
        var rows = await db.Set<OperatorKeyRecord>().AsNoTracking().ToListAsync(cancellationToken);
        return [.. rows.OrderBy(k => k.Created).ThenBy(k => k.Id).Select(ToKey)];
    }

    /// <summary>Revokes a key at once; false when there is no such key. Revoking a revoked key changes nothing.</summary>
    public async Task<bool> RevokeAsync(OperatorActor actor, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var session = await database.WriteAsync(Guid.Empty, cancellationToken);
        var parameters = session.Parameters();
        var dialect = session.Dialect;
        var key = parameters.Add(dialect.Key(id));
        if (await session.ScalarAsync($"SELECT 1 FROM operator_keys WHERE id = {key}", parameters, cancellationToken, OperatorRows.Scope) is null)
        {
            return false;
        }

        if (await session.ExecuteAsync($"UPDATE operator_keys SET revoked = {parameters.Add(dialect.Timestamp(session.Now))} WHERE id = {key} AND revoked IS NULL", parameters, cancellationToken, OperatorRows.Scope) > 0)
        {
            await OperatorEvents.AppendAsync(session, actor, OperatorEvents.KeyRevoke, null, new JsonObject { ["id"] = id.ToString() }, cancellationToken);
        }

        await session.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>The key a presented secret is, when it is one that works: well formed (no database read otherwise), found by its hash, equal in constant time, not revoked.</summary>
    public async Task<OperatorKey?> VerifyAsync(string? presented, CancellationToken cancellationToken)
    {
        if (!OperatorKeyFormat.IsWellFormed(presented))
        {
            return null;
        }

        var hash = SecretFormat.Hash(presented!);
        OperatorKeyRecord? found;
        await using (var db = database.CreateContext(Guid.Empty))
        {
            found = await db.Set<OperatorKeyRecord>().AsNoTracking().FirstOrDefaultAsync(k => k.Hash == hash, cancellationToken);
        }

        if (found is null || !CryptographicOperations.FixedTimeEquals(found.Hash, hash) || found.Revoked is not null)
        {
            return null;
        }

        var now = ScimDateTime.Truncate(time.GetUtcNow());
        if (_stamps.TryEnter(found.Id, now))
        {
            try
            {
                await using var session = await database.BookkeepingAsync(Guid.Empty, cancellationToken);
                var parameters = session.Parameters();
                await session.ExecuteAsync(
                    $"UPDATE operator_keys SET last_used = {parameters.Add(session.Dialect.Timestamp(now))} WHERE id = {parameters.Add(session.Dialect.Key(found.Id))}",
                    parameters, cancellationToken, OperatorRows.Scope);
                await session.CommitAsync(cancellationToken);
            }
            catch
            {
                _stamps.Forget(found.Id);
                throw;
            }
        }

        return ToKey(found);
    }

    private static OperatorKey ToKey(OperatorKeyRecord record) => new(record.Id, record.Name, record.Hint, record.Created, record.Revoked, record.LastUsed);
}
