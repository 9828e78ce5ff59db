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

    /// <summary>A SAML connection's SP metadata; its absolute URL is also Roster's entity ID for that connection.</summary>
    public static string SamlMetadata(Guid orgId, Guid connectionId) => $"{Root}/{orgId}/{connectionId}/saml/metadata";

    /// <summary>A SAML connection's Assertion Consumer Service (HTTP-POST binding).</summary>
    public static string SamlAcs(Guid orgId, Guid connectionId) => $"{Root}/{orgId}/{connectionId}/saml/acs";
}
