namespace Roster.Server.Console.Sso;

/// <summary>
/// Where a person signs in through a tenant's SSO connection. Both the organization and the
/// connection are in every URL, so that the IdP is given one callback URL per connection and a
/// callback can only ever be read with the connection of that organization.
/// </summary>
public static class SsoPaths
{
    public const string Root = ConsolePaths.Root + "/sso";

    public static string Start(Guid orgId, Guid connectionId) => $"{Root}/{orgId}/{connectionId}/start";

    public static string Callback(Guid orgId, Guid connectionId) => $"{Root}/{orgId}/{connectionId}/callback";

    /// <summary>A SAML connection's service provider metadata, also its SP entity ID.</summary>
    public static string SamlMetadata(Guid orgId, Guid connectionId) => $"{Root}/{orgId}/{connectionId}/saml/metadata";

    /// <summary>A SAML connection's assertion consumer service (HTTP-POST).</summary>
    public static string SamlAcs(Guid orgId, Guid connectionId) => $"{Root}/{orgId}/{connectionId}/saml/acs";
}
