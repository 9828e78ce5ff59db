using Roster.Server.Deployment;

namespace Roster.Server.Console.Pages;

/// <summary>The console's first page: the organization, its IDs and URLs, and where to go next.</summary>
public sealed class IndexModel(DeploymentUrls urls) : ConsolePageModel
{
    public string ConnectorUrl { get; private set; } = "";

    public string Region { get; private set; } = "";

    public void OnGet()
    {
        ConnectorUrl = urls.ConnectorUrl(Request, OrgId);
        Region = urls.Options.Region;
    }
}
