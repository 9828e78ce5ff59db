namespace Roster.Server.Admin.Organization;

/// <summary>What the console shows about the organization and the deployment it lives in.</summary>
public sealed record OrganizationDocument(
    Guid OrgId,
    string Name,
    string Region,
    bool Government,
    string PublicBaseUrl,
    string BaseConnectorUrl,
    string TokenEndpoint,
    string AuthorizeEndpoint);
