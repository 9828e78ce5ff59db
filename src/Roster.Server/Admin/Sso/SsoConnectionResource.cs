using Roster.Directory.Sso;

namespace Roster.Server.Admin.Sso;

/// <summary>
/// A connection as the admin API returns it: what it trusts, never its secret, and the two URLs
/// an administrator needs: <c>callbackUrl</c> to register as the redirect URI at the IdP, and
/// <c>signInUrl</c>, where a person starts signing in through it.
/// </summary>
public sealed record SsoConnectionResource(
    Guid Id,
    string Name,
    string Protocol,
    bool Enabled,
    bool JustInTime,
    string? Issuer,
    string? ClientId,
    bool ClientSecretSet,
    IReadOnlyList<string> Scopes,
    string? EmailClaim,
    string? GivenNameClaim,
    string? FamilyNameClaim,
    string CallbackUrl,
    string SignInUrl,
    DateTimeOffset Created,
    DateTimeOffset LastModified)
{
    public static SsoConnectionResource From(SsoConnection connection, Guid orgId, string publicBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var oidc = connection.Oidc;
        return new(
            connection.Id, connection.Name, SsoProtocols.ToText(connection.Protocol), connection.Enabled, connection.JustInTime,
            oidc?.Issuer, oidc?.ClientId, oidc?.HasClientSecret ?? false, oidc?.Scopes ?? [], oidc?.EmailClaim, oidc?.GivenNameClaim, oidc?.FamilyNameClaim,
            publicBaseUrl + Console.Sso.SsoPaths.Callback(orgId, connection.Id), publicBaseUrl + Console.Sso.SsoPaths.Start(orgId, connection.Id),
            connection.Created, connection.LastModified);
    }
}
