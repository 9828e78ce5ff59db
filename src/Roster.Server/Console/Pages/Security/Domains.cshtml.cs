using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Roster.Directory.Domains;
using Roster.Server.Console.Authentication;

namespace Roster.Server.Console.Pages.Security;

/// <summary>
/// Verified domains: add an email domain, publish the TXT record shown, then "Verify" looks it up
/// now. A check that does not find the record says what it expected and what it found.
/// </summary>
[Authorize(Policy = ConsolePolicies.SecurityLoginManage)]
public sealed class DomainsModel(ListDomains list, AddDomain add, VerifyDomain verify, RemoveDomain remove) : ConsolePageModel
{
    [BindProperty]
    public string? Domain { get; set; }

    public IReadOnlyList<VerifiedDomain> Domains { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Domains = await list.ExecuteAsync(OrgId, cancellationToken);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        var result = await add.ExecuteAsync(Actor, Domain ?? "", cancellationToken);
        if (!result.IsSuccess)
        {
            ShowError(result.Error, nameof(Domain));
            Domains = await list.ExecuteAsync(OrgId, cancellationToken);
            return Page();
        }

        Notice = T["{0} added. Publish its TXT record, then press Verify.", result.Value.Domain];
        return Redirect("/console/security/domains");
    }

    public async Task<IActionResult> OnPostVerifyAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await verify.ExecuteAsync(Actor, id, cancellationToken);
        if (!result.IsSuccess)
        {
            Problem = Say(result.Error);
        }
        else if (result.Value.Found)
        {
            Notice = T["{0} is verified.", result.Value.Domain.Domain];
        }
        else
        {
            Problem = result.Value.Detail;
        }

        return Redirect("/console/security/domains");
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await remove.ExecuteAsync(Actor, id, cancellationToken);
        Notice = result.IsSuccess ? T["{0} removed.", result.Value.Domain].Value : null;
        Problem = result.IsSuccess ? null : Say(result.Error);
        return Redirect("/console/security/domains");
    }
}
