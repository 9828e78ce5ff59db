using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Roster.Directory.Apps;
using Roster.Server.Console.Authentication;
using Roster.Server.Deployment;

namespace Roster.Server.Console.Pages.Developer.Apps;

/// <summary>
/// Developer &gt; App registrations: the organization's OAuth apps, the endpoints to paste into an
/// IdP, and per app "Revoke consents" (its tokens stop working) and "Delete".
/// </summary>
[Authorize(Policy = ConsolePolicies.SecurityLoginManage)]
public sealed class IndexModel(ListApps list, ChangeApp change, DeploymentUrls urls) : ConsolePageModel
{
    public const string Path = "/console/developer/apps";

    public IReadOnlyList<AppRegistration> Apps { get; private set; } = [];

    public OAuthEndpoints Endpoints => OAuthEndpoints.Of(urls, Request, OrgId);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Apps = await list.ExecuteAsync(OrgId, cancellationToken);

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        var app = await list.FindAsync(OrgId, id, cancellationToken);
        var result = await change.DeleteAsync(Actor, id, cancellationToken);
        Notice = result.IsSuccess ? T["App '{0}' deleted; its client, consents and tokens stop working at once.", app?.Name ?? ""].Value : null;
        Problem = result.IsSuccess ? null : Say(result.Error!);
        return Redirect(Path);
    }

    public async Task<IActionResult> OnPostRevokeConsentsAsync(Guid id, CancellationToken cancellationToken)
    {
        var app = await list.FindAsync(OrgId, id, cancellationToken);
        var result = await change.RevokeConsentsAsync(Actor, id, cancellationToken);
        Notice = result.IsSuccess ? T["Consents to '{0}' revoked; its tokens stop working and an administrator must authorize it again.", app?.Name ?? ""].Value : null;
        Problem = result.IsSuccess ? null : Say(result.Error!);
        return Redirect(Path);
    }
}
