namespace Roster.Server.OAuth;

/// <summary>The claims Roster puts in its access tokens, beside the tenant, credential and profile claims of <see cref="Authentication.ScimBearerDefaults"/>.</summary>
public static class OAuthClaims
{
    /// <summary>"AccessKey" or "App": which table the credential claim points into.</summary>
    public const string CredentialKind = "roster:credential_kind";

    /// <summary>
    /// "true" on tokens of the authorization code flow: they act for the person who consented, with
    /// that person's permissions. Client-credentials tokens act for the credential's owner within
    /// the credential's ceiling.
    /// </summary>
    public const string Delegated = "roster:delegated";
}
