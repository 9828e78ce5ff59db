using System.Collections.Concurrent;
using System.Data.Common;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Roster.Directory.Database;
using Roster.Directory.Resources;

namespace Roster.Directory.Tokens;

/// <summary>
/// SCIM bearer tokens: issued once in plain text, stored as a SHA-256 hash, checked on every
/// SCIM request. <c>last_used</c> is written at most once a minute per token so that checking
/// a token does not turn every read into a write.
/// </summary>
public sealed class ScimTokenService(DirectoryDatabase database, TimeProvider time) : IScimTokenService
{
    public const string InvalidReason = "The token is not valid.";
    public const string ExpiredReason = "The token has expired.";
    public const string RevokedReason = "The token has been revoked.";

    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    // The presented token is looked up before its tenant is known: the one query that must ignore the tenant filter.
    private static readonly Func<RosterDbContext, byte[], CancellationToken, Task<ScimToken?>> FindByHash =
        EF.CompileAsyncQuery((RosterDbContext db, byte[] hash, CancellationToken _) =>
            db.ScimTokens.IgnoreQueryFilters().AsNoTracking().FirstOrDefault(t => t.Hash == hash));

    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _lastUsedWritten = new();

    public async Task<IssuedScimToken> IssueAsync(Guid tenantId, string name, DateTimeOffset? expires, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var text = ScimTokenFormat.Generate();
        var token = new ScimToken
        {
            TenantId = tenantId,
            Id = Guid.CreateVersion7(),
            Name = name.Trim(),
            Hash = ScimTokenFormat.Hash(text),
            Hint = ScimTokenFormat.Hint(text),
            Created = ScimDateTime.Truncate(time.GetUtcNow()),
            Expires = expires is { } at ? ScimDateTime.Truncate(at) : null,
        };

        using (await database.EnterWriteGateAsync(cancellationToken))
        {
            await using var db = database.CreateContext(tenantId);
            if (!await db.Tenants.AnyAsync(t => t.Id == tenantId, cancellationToken))
            {
                throw new InvalidOperationException($"There is no tenant {tenantId}.");
            }

            db.ScimTokens.Add(token);
            await db.SaveChangesAsync(cancellationToken);
        }

        return new IssuedScimToken(token.Id, tenantId, token.Name, text, token.Created, token.Expires);
    }

    public async Task<IReadOnlyList<ScimTokenSummary>> ListAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext(tenantId);
        var tokens = await db.ScimTokens.OrderBy(t => t.Created).ThenBy(t => t.Id).ToListAsync(cancellationToken);
        return [.. tokens.Select(t => new ScimTokenSummary(t.Id, t.TenantId, t.Name, t.Hint, t.Created, t.Expires, t.Revoked, t.LastUsed))];
    }

    public async Task<bool> RevokeAsync(Guid tenantId, Guid tokenId, CancellationToken cancellationToken)
    {
        var now = ScimDateTime.Truncate(time.GetUtcNow());
        using (await database.EnterWriteGateAsync(cancellationToken))
        {
            await using var db = database.CreateContext(tenantId);
            var revoked = await db.ScimTokens
                .Where(t => t.Id == tokenId && t.Revoked == null)
                .ExecuteUpdateAsync(set => set.SetProperty(t => t.Revoked, now), cancellationToken);
            return revoked > 0 || await db.ScimTokens.AnyAsync(t => t.Id == tokenId, cancellationToken);
        }
    }

    public async Task<TokenAuthentication> AuthenticateAsync(string presentedToken, CancellationToken cancellationToken)
    {
        // A token that is not ours (wrong prefix, length or checksum) costs no database read.
        if (!ScimTokenFormat.IsWellFormed(presentedToken))
        {
            return TokenAuthentication.Failure(InvalidReason);
        }

        var hash = ScimTokenFormat.Hash(presentedToken);
        ScimToken? token;
        await using (var db = database.CreateContext(Guid.Empty))
        {
            token = await FindByHash(db, hash, cancellationToken);
        }

        if (token is null || !CryptographicOperations.FixedTimeEquals(token.Hash, hash))
        {
            return TokenAuthentication.Failure(InvalidReason);
        }

        var now = time.GetUtcNow();
        if (token.Revoked is not null)
        {
            return TokenAuthentication.Failure(RevokedReason);
        }

        if (token.Expires is { } expires && now >= expires)
        {
            return TokenAuthentication.Failure(ExpiredReason);
        }

        await NoteUseAsync(token, now, cancellationToken);
        return TokenAuthentication.Success(token.TenantId, token.Id);
    }

    private async Task NoteUseAsync(ScimToken token, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (token.LastUsed is { } lastUsed && now - lastUsed < LastUsedResolution)
        {
            return;
        }

        // Many requests may see the same stale last_used at once; let one of them write it.
        var previous = _lastUsedWritten.TryGetValue(token.Id, out var written) ? written : (DateTimeOffset?)null;
        if (previous is { } at && now - at < LastUsedResolution)
        {
            return;
        }

        if (previous is null ? !_lastUsedWritten.TryAdd(token.Id, now) : !_lastUsedWritten.TryUpdate(token.Id, now, previous.Value))
        {
            return;
        }

        var stamp = ScimDateTime.Truncate(now);
        var stale = stamp - LastUsedResolution;
        try
        {
            using (await database.EnterWriteGateAsync(cancellationToken))
            {
                await using var db = database.CreateContext(token.TenantId);
                await db.ScimTokens
                    .Where(t => t.Id == token.Id && (t.LastUsed == null || t.LastUsed < stale))
                    .ExecuteUpdateAsync(set => set.SetProperty(t => t.LastUsed, stamp), cancellationToken);
            }
        }
        catch (DbException)
        {
            // last_used is informational: a busy or read-only database must not fail the request.
            _lastUsedWritten.TryRemove(token.Id, out _);
        }
    }
}
