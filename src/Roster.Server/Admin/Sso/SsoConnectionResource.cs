using Roster.Directory.Sso;

namespace Roster.Server.Admin.Sso;

/// <summary>
/// A connection as the admin API returns it: what it trusts, never its secret, and the two URLs
/// an administrator needs: <c>callbackUrl</c> to register as the redirect URI at the IdP, and
/// <c>signInUrl</c>, where a person starts signing in through it. A SAML connection also shows
/// what the IdP needs of Roster as its service provider (<c>spEntityId</c>, <c>acsUrl</c>,
/// <c>spMetadataUrl</c>, <c>spCertificate</c> when requests are signed) and the IdP's values it
/// trusts (the certificates by SHA-256 thumbprint and expiry).
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
    DateTimeOffset LastModified,
    SamlConnectionResource? Saml)
{
    public static SsoConnectionResource From(SsoConnection connection, Guid orgId, string publicBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var oidc = connection.Oidc;
        return new(
            connection.Id, connection.Name, SsoProtocols.ToText(connection.Protocol), connection.Enabled, connection.JustInTime,
            oidc?.Issuer, oidc?.ClientId, oidc?.HasClientSecret ?? false, oidc?.Scopes ?? [], oidc?.EmailClaim, oidc?.GivenNameClaim, oidc?.FamilyNameClaim,
            publicBaseUrl + Console.Sso.SsoPaths.Callback(orgId, connection.Id), publicBaseUrl + Console.Sso.SsoPaths.Start(orgId, connection.Id),
            connection.Created, connection.LastModified,
            connection.Saml is { } saml ? SamlConnectionResource.From(saml, Console.Sso.SamlServiceProvider.For(publicBaseUrl, orgId, connection.Id)) : null);
    }
}
