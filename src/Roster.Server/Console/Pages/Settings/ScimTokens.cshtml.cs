using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Roster.Directory.Employees;
using Roster.Directory.Provisioning;
using Roster.Directory.Tokens;
using Roster.Server.Console.Authentication;
using Roster.Server.Console.Localization;

namespace Roster.Server.Console.Pages.Settings;

/// <summary>
/// Tenant settings &gt; Account settings &gt; SCIM tokens (CXone, MoEngage): the tokens of the
/// organization with their owner, use and state, a form that generates one for an employee
/// profile, and revocation. A generated token is in the answer to the POST and nowhere else.
/// </summary>
[Authorize(Policy = ConsolePolicies.ScimManage)]
public sealed class ScimTokensModel(
    IssueScimToken issueToken, RevokeScimToken revokeToken, ListScimTokens listTokens, ListEmployees employees, GetScimSettings settings, TimeProvider time) : ConsolePageModel
{
    public const string Path = "/console/settings/scim-tokens";

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public Guid? OwnerId { get; set; }

    /// <summary>The last day the token works, to its end in the person's time zone; one year ahead by default, as CXone recommends.</summary>
    [BindProperty]
    public DateOnly? Expires { get; set; }

    /// <summary>Text that finds the owner among every profile of the organization (name, userName or email).</summary>
    [BindProperty]
    public string? OwnerSearch { get; set; }

    /// <summary>How many profiles match <see cref="OwnerSearch"/> (all of them without one); the list holds at most <see cref="ListEmployees.MaxPageSize"/>.</summary>
    public int OwnersTotal { get; private set; }

    /// <summary>The latest expiry the organization allows (its longest token lifetime), the date picker's maximum.</summary>
    public DateOnly LatestExpiry { get; private set; }

    /// <summary>The organization's longest token lifetime, in days.</summary>
    public int TokenMaxDays { get; private set; }

    public IReadOnlyList<ScimTokenSummary> Tokens { get; private set; } = [];

    /// <summary>The profiles a token can belong to: every employee that is not deactivated.</summary>
    public IReadOnlyList<Employee> Owners { get; private set; } = [];

    /// <summary>The token just generated, rendered once in this response.</summary>
    public IssuedScimToken? Issued { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Expires = DefaultExpiry();
        await LoadAsync(cancellationToken);
    }

    /// <summary>"Search": lists the profiles that match, keeping what the form holds; a single match is picked.</summary>
    public async Task OnPostFindOwnerAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        await LoadAsync(cancellationToken);
        if (Owners.Count == 1)
        {
            OwnerId = Owners[0].Id;
        }
    }

    public async Task<IActionResult> OnPostGenerateAsync(CancellationToken cancellationToken)
    {
        if (OwnerId is not { } owner)
        {
            ModelState.AddModelError(nameof(OwnerId), T["Pick the employee profile the token belongs to; changes made with it are credited to them."].Value);
            await LoadAsync(cancellationToken);
            return Page();
        }

        DateTimeOffset? expires = Expires is { } day ? ConsoleClock.EndOfDay(User, day) : null;
        var result = await issueToken.ExecuteAsync(Actor, new ScimTokenRequest(Name ?? "", owner, expires), cancellationToken);
        if (!result.IsSuccess)
        {
            ShowError(result.Error, FormFields.BoxOf(result.Error));
            await LoadAsync(cancellationToken);
            return Page();
        }

        // The token exists in this response only: no cache may keep it, no redirect carries it.
        Response.Headers.CacheControl = "no-store";
        Issued = result.Value;
        Name = null;
        OwnerId = null;
        OwnerSearch = null;
        Expires = DefaultExpiry();
        ModelState.Clear();
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await revokeToken.ExecuteAsync(Actor, id, cancellationToken);
        if (result.IsSuccess)
        {
            Notice = T["SCIM token '{0}' revoked; identity providers using it are refused from now on.", result.Value.Name].Value;
        }
        else
        {
            Problem = Say(result.Error);
        }

        return Redirect(Path);
    }

    private DateOnly DefaultExpiry() => DateOnly.FromDateTime(ConsoleClock.Local(User, time.GetUtcNow().Add(ScimTokenPolicy.DefaultLifetime)).DateTime);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Tokens = await listTokens.ExecuteAsync(OrgId, cancellationToken);
        var page = await employees.ExecuteAsync(OrgId, null, OwnerSearch, 1, ListEmployees.MaxPageSize, cancellationToken);
        Owners = page.IsSuccess ? [.. page.Value.Employees.Where(e => e.Status != EmployeeStatus.Deactivated)] : [];
        OwnersTotal = page.IsSuccess ? page.Value.TotalCount : 0;

        // The end of the latest day must not pass the longest lifetime, so that day is the one before.
        TokenMaxDays = (await settings.ExecuteAsync(OrgId, cancellationToken)).TokenMaxDays;
        LatestExpiry = DateOnly.FromDateTime(ConsoleClock.Local(User, time.GetUtcNow().AddDays(TokenMaxDays)).DateTime).AddDays(-1);
    }
}
