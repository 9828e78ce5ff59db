namespace Roster.Directory.Tokens;

/// <summary>
/// A SCIM bearer token as stored: never the secret itself, only its SHA-256 hash
/// (ARCHITECTURE decision 7) and a hint of its last characters so people can tell tokens apart.
/// </summary>
public sealed class ScimToken
{
    public Guid TenantId { get; set; }

    public Guid Id { get; set; }

    public required string Name { get; set; }

    public required byte[] Hash { get; set; }

    public required string Hint { get; set; }

    public DateTimeOffset Created { get; set; }

    public DateTimeOffset? Expires { get; set; }

    public DateTimeOffset? Revoked { get; set; }

    public DateTimeOffset? LastUsed { get; set; }
}
