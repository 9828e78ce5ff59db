namespace Roster.Directory.Operators;

/// <summary>
/// An operator key (<c>operator_keys</c>): the credential of the operator API, which the SaaS
/// vendor's back end uses to create and remove tenants. Not a tenant's credential: it belongs to
/// no tenant and no tenant's API takes it. Only the SHA-256 of the secret is stored.
/// </summary>
public sealed class OperatorKeyRecord
{
    public Guid Id { get; set; }

    public required string Name { get; set; }

    public required byte[] Hash { get; set; }

    /// <summary>The secret's last characters, so people can tell keys apart.</summary>
    public required string Hint { get; set; }

    public DateTimeOffset Created { get; set; }

    public DateTimeOffset? Revoked { get; set; }

    public DateTimeOffset? LastUsed { get; set; }
}
