namespace Roster.Directory.Sso;

/// <summary>Between <see cref="SsoProtocol"/> and its text (stored, admin API, CLI): <c>oidc</c> and <c>saml</c>.</summary>
public static class SsoProtocols
{
    public const string OpenIdConnect = "oidc";
    public const string Saml = "saml";

    public static string ToText(SsoProtocol protocol) => protocol switch
    {
        SsoProtocol.OpenIdConnect => OpenIdConnect,
        SsoProtocol.Saml => Saml,
        _ => throw new ArgumentOutOfRangeException(nameof(protocol)),
    };

    public static SsoProtocol? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        OpenIdConnect or "openid" or "openidconnect" => SsoProtocol.OpenIdConnect,
        Saml or "saml2" => SsoProtocol.Saml,
        _ => null,
    };
}
