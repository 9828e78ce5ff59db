using Roster.Directory.Tokens;

namespace Roster.Server.Admin.Tokens;

/// <summary>A SCIM token as lists show it: <c>hint</c> is its last four characters; <c>state</c> is active, expiring, expired or revoked.</summary>
public sealed record ScimTokenDocument(
    Guid Id,
    string Name,
    string Hint,
    Guid? OwnerId,
    string? OwnerUserName,
    DateTimeOffset Created,
    DateTimeOffset? Expires,
    DateTimeOffset? Revoked,
    DateTimeOffset? LastUsed,
    string? LastClient,
    string State)
{
    public static ScimTokenDocument From(ScimTokenSummary token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return new(token.Id, token.Name, token.Hint, token.OwnerId, token.OwnerUserName, token.Created, token.Expires, token.Revoked, token.LastUsed, token.LastClient, token.State.ToString().ToLowerInvariant());
    }
}
