using Roster.Directory.Provisioning;
using Roster.Server.Deployment;

namespace Roster.Server.Console.Pages;

/// <summary>The console's first page: the organization, its IDs and URLs, and where to go next.</summary>
public sealed class IndexModel(DeploymentUrls urls, GetScimSettings scimSettings) : ConsolePageModel
{
    /// <summary>SCIM provisioning is on: the identity provider creates the users, so the page does not suggest creating them by hand.</summary>
    public bool ManagedByScim { get; private set; }

    public string ConnectorUrl { get; private set; } = "";

    /// <summary>False for a person whose roles grant nothing: the page then says what to ask for instead of showing no step.</summary>
    public bool HoldsAnyPermission => Roster.Directory.Roles.Permission.All.Any(Can);

    public string Region { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ConnectorUrl = urls.ConnectorUrl(Request, OrgId);
        Region = urls.Options.Region;
        ManagedByScim = (await scimSettings.ExecuteAsync(OrgId, cancellationToken)).Enabled;
    }
}
