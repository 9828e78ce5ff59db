namespace Roster.Directory.Provisioning;

/// <summary>
/// A row of <c>bad_token_calls</c>: how many SCIM calls to a tenant were refused for one kind of
/// bad token (<see cref="BadTokenKinds"/>) from one client, first and last seen. A counter, never a
/// row per request; the presented value is never stored: <see cref="TokenId"/> names a token of the
/// tenant's own when the value matched one (expired or revoked), and is empty for an unknown value.
/// </summary>
public sealed class BadTokenCallRecord
{
    public Guid TenantId { get; set; }

    public required string Kind { get; set; }

    /// <summary>The client recognised from the User-Agent (<c>Okta</c>, <c>Entra ID</c>, <c>other</c>): a handful of values, never the header itself.</summary>
    public required string Client { get; set; }

    /// <summary>The expired or revoked token; <see cref="Guid.Empty"/> for an unknown value.</summary>
    public Guid TokenId { get; set; }

    public long Count { get; set; }

    public DateTimeOffset FirstSeen { get; set; }

    public DateTimeOffset LastSeen { get; set; }
}
