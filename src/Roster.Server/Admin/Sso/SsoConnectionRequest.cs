using Roster.Directory.Sso;

namespace Roster.Server.Admin.Sso;

/// <summary>
/// The body of <c>POST</c> and <c>PATCH /sso/connections</c>: what is given is set, what is left
/// out is kept (on <c>PATCH</c>). <c>clientSecret</c> is write-only: answers say only whether one is set.
/// </summary>
public sealed record SsoConnectionRequest(
    string? Protocol = null,
    string? Name = null,
    bool? Enabled = null,
    bool? JustInTime = null,
    string? Issuer = null,
    string? ClientId = null,
    string? ClientSecret = null,
    IReadOnlyList<string>? Scopes = null,
    string? EmailClaim = null,
    string? GivenNameClaim = null,
    string? FamilyNameClaim = null)
{
    public SsoConnectionDraft ToDraft() => new(
        Name: Name, Enabled: Enabled, JustInTime: JustInTime, Issuer: Issuer, ClientId: ClientId, ClientSecret: ClientSecret,
        Scopes: Scopes, EmailClaim: EmailClaim, GivenNameClaim: GivenNameClaim, FamilyNameClaim: FamilyNameClaim);
}
