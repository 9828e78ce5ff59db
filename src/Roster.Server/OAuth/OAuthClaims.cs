namespace Roster.Server.OAuth;

/// <summary>The claims Roster puts in its access tokens, beside the tenant, credential and profile claims of <see cref="Authentication.ScimBearerDefaults"/>.</summary>
public static class OAuthClaims
{
    /// <summary>"AccessKey" or "App": which table the credential claim points into.</summary>
    public const string CredentialKind = "roster:credential_kind";
}
