namespace Roster.Directory.Sso;

/// <summary>
/// A row of <c>sso_connections</c>. The protocol's settings are one JSON document
/// (<see cref="SsoConnectionSql"/> reads and writes it); the one secret a connection holds (an
/// OpenID client secret, or the private key AuthnRequests are signed with) is in <see cref="Secret"/>,
/// encrypted with ASP.NET Core Data Protection, because Roster must present it, not just check it.
/// </summary>
public sealed class SsoConnectionRecord
{
    public Guid TenantId { get; set; }

    public Guid Id { get; set; }

    public required string Name { get; set; }

    /// <summary><see cref="SsoProtocols.ToText"/>.</summary>
    public required string Protocol { get; set; }

    public bool Enabled { get; set; }

    public bool JustInTime { get; set; }

    public required string Settings { get; set; }

    public string? Secret { get; set; }

    /// <summary><see cref="Roles.PermissionSet.ToText"/>; null for the operator's unbounded ceiling.</summary>
    public string? PermissionCeiling { get; set; }

    public long Version { get; set; }

    public DateTimeOffset Created { get; set; }

    public DateTimeOffset LastModified { get; set; }
}
