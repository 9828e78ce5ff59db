namespace Roster.Server.Scim.Http;

/// <summary>Names the identity provider behind a request from its User-Agent, for activity and audit.</summary>
public static class ScimClientNames
{
    public const string Okta = "Okta";
    public const string EntraId = "Entra ID";
    public const string Other = "other";

    public static string Identify(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var agent = request.Headers.UserAgent.ToString();
        if (agent.Contains("Okta", StringComparison.OrdinalIgnoreCase))
        {
            return Okta;
        }

        // Entra ID's provisioning service identifies itself with Azure AD / Microsoft agent strings.
        if (agent.Contains("Azure", StringComparison.OrdinalIgnoreCase)
            || agent.Contains("Microsoft", StringComparison.OrdinalIgnoreCase)
            || agent.Contains("AAD", StringComparison.Ordinal))
        {
            return EntraId;
        }

        return Other;
    }
}
