using System.Data.Common;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Roster.Directory.Credentials;
using Roster.Directory.Database;
using Roster.Directory.Employees;
using Roster.Directory.Provisioning;
using Roster.Directory.Resources;
using Roster.Directory.Roles;

namespace Roster.Directory.Tokens;

/// <summary>
/// Checks a presented SCIM token on every request: its format (no database read for a token
/// that is not ours), its hash, its expiry and revocation, and its owner, whose deactivation
/// (by an administrator or SCIM <c>active=false</c>) stops the token at once. <c>last_used</c>
/// and the client are written at most once a minute per token, so checking a token does not
/// turn every read into a write. The token's power is its owner's permissions now (the active
/// roles of their grants, read in the same query) within the ceiling it was issued with.
/// </summary>
public sealed class ScimTokenVerifier(DirectoryDatabase database, TimeProvider time)
{
    public const string InvalidReason = "The token is not valid.";
    public const string ExpiredReason = "The token has expired.";
    public const string RevokedReason = "The token has been revoked.";
    public const string OwnerDeactivatedReason = "The token's owner is deactivated, so the token no longer works.";

    private readonly UseStampGate _stamps = new();

    public async Task<TokenAuthentication> VerifyAsync(string presentedToken, string? client, CancellationToken cancellationToken)
    {
        if (!ScimTokenFormat.IsWellFormed(presentedToken))
        {
            return TokenAuthentication.Failure(InvalidReason);
        }

        var hash = ScimTokenFormat.Hash(presentedToken);
        var token = await PresentedTokenSql.FindAsync(database, hash, cancellationToken);
        if (token is null || !CryptographicOperations.FixedTimeEquals(token.Hash, hash))
        {
            return TokenAuthentication.Failure(InvalidReason);
        }

        var now = time.GetUtcNow();
        if (token.Revoked is not null)
        {
            return TokenAuthentication.Refused(RevokedReason, BadTokenKinds.Revoked, token.TenantId, token.Id);
        }

        if (token.Expires is { } expires && now >= expires)
        {
            return TokenAuthentication.Refused(ExpiredReason, BadTokenKinds.Expired, token.TenantId, token.Id);
        }

        // An owner deleted since is as gone as a deactivated one.
        if (token.OwnerId is not null && (!token.OwnerFound || token.OwnerActive == false || token.OwnerStatus == EmployeeStatuses.Deactivated))
        {
            return TokenAuthentication.Failure(OwnerDeactivatedReason);
        }

        var permissions = token.OwnerId is null
            ? PermissionSet.Unbounded
            : PermissionSet.Of(token.OwnerPermissions.SelectMany(p => p.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
                .Within(PermissionSet.Parse(token.PermissionCeiling, PermissionSet.Unbounded));
        await NoteUseAsync(token, client, now, cancellationToken);
        return TokenAuthentication.Success(token.TenantId, token.Id, token.OwnerId, permissions);
    }

    private async Task NoteUseAsync(PresentedToken token, string? client, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var stored = token.LastUsed is { } lastUsed && now - lastUsed < UseStampGate.Resolution && (client is null || client == token.LastClient);
        if (stored || !_stamps.TryEnter(token.Id, now))
        {
            return;
        }

        var stamp = ScimDateTime.Truncate(now);
        try
        {
            using (await database.EnterWriteGateAsync(cancellationToken))
            {
                await using var db = database.CreateContext(token.TenantId);
                await db.ScimTokens
                    .Where(t => t.Id == token.Id)
                    .ExecuteUpdateAsync(
                        set => set.SetProperty(t => t.LastUsed, stamp).SetProperty(t => t.LastClient, t => client ?? t.LastClient),
                        cancellationToken);
            }
        }
        catch (DbException)
        {
            // last_used is informational: a busy or read-only database must not fail the request.
            _stamps.Forget(token.Id);
        }
    }
}
