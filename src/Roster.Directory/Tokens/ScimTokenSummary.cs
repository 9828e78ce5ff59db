namespace Roster.Directory.Tokens;

/// <summary>What may be shown of a SCIM token after it was issued (never the secret).</summary>
public sealed record ScimTokenSummary(
    Guid Id,
    Guid TenantId,
    string Name,
    string Hint,
    DateTimeOffset Created,
    DateTimeOffset? Expires,
    DateTimeOffset? Revoked,
    DateTimeOffset? LastUsed,
    Guid? OwnerId,
    string? OwnerUserName,
    string? LastClient,
    ScimTokenState State);
