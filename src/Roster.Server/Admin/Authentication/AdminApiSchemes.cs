namespace Roster.Server.Admin.Authentication;

/// <summary>
/// The admin API's two credentials: a person's email and password (<see cref="AdminBasicDefaults.Scheme"/>)
/// or a machine's OAuth access token with admin scopes (<see cref="Bearer"/>). <see cref="Scheme"/>
/// picks one by the Authorization header, so every admin policy names it alone.
/// </summary>
public static class AdminApiSchemes
{
    public const string Scheme = "AdminApi";
    public const string Bearer = "AdminBearer";

    /// <summary>The claim naming the credential an access token was issued to (access key or app), for the audit log.</summary>
    public const string CredentialClaim = "roster:admin-credential";

    /// <summary>What the admin API writes in the audit log as the client of a change made with an access token.</summary>
    public const string BearerClient = "admin-api (oauth)";

    public static string Select(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? Bearer : AdminBasicDefaults.Scheme;
    }
}
