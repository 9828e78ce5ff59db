using Roster.Directory.Apps;

namespace Roster.Directory.Credentials;

/// <summary>
/// How each client proves itself at <c>/auth/token</c> and <c>/auth/revoke</c> (RFC 7591's
/// <c>token_endpoint_auth_method</c>). An app registration uses the one its registration names,
/// <c>client_secret_post</c> (seed 002's form), or none when it is public (PKCE instead). An access
/// key is a key ID and secret that CXone lets an IdP send either way, in the form or as HTTP
/// Basic, so it is registered for both.
/// </summary>
public static class TokenEndpointAuthMethods
{
    public const string ClientSecretPost = "client_secret_post";
    public const string ClientSecretBasic = "client_secret_basic";
    public const string None = "none";

    private static readonly string[] AccessKey = [ClientSecretPost, ClientSecretBasic];
    private static readonly string[] ConfidentialApp = [ClientSecretPost];
    private static readonly string[] PublicApp = [None];

    /// <summary>The methods a client of this kind is registered for.</summary>
    public static IReadOnlyList<string> For(OAuthClientKind kind, AppClientType? appType) =>
        kind == OAuthClientKind.AccessKey ? AccessKey
        : appType == AppClientType.UserPublic ? PublicApp
        : ConfidentialApp;
}
