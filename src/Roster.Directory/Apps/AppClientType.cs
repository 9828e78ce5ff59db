namespace Roster.Directory.Apps;

/// <summary>How an app registration signs in (seed 002's "client type").</summary>
public enum AppClientType
{
    /// <summary>Acts for a signed-in person and keeps a client secret (a server-side app such as Okta's integration).</summary>
    UserConfidential,

    /// <summary>Acts for a signed-in person without a secret (a browser or native app); PKCE is required.</summary>
    UserPublic,

    /// <summary>Acts for no person (client credentials only); refused for the authorization code flow.</summary>
    BackEnd,
}
