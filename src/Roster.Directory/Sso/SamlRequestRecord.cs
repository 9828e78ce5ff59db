namespace Roster.Directory.Sso;

/// <summary>
/// A row of <c>saml_requests</c>: an AuthnRequest Roster sent and no response has answered yet.
/// A response's <c>InResponseTo</c> must name one (and uses it up); rows run out after
/// <see cref="SsoOptions.SamlRequestLifetime"/> and a tenant holds at most <see cref="SsoOptions.MaxPendingSamlRequests"/>.
/// </summary>
public sealed class SamlRequestRecord
{
    public Guid TenantId { get; set; }

    public required string Id { get; set; }

    public Guid ConnectionId { get; set; }

    /// <summary>The local page to open after sign-in.</summary>
    public string? ReturnUrl { get; set; }

    public DateTimeOffset Expires { get; set; }
}
