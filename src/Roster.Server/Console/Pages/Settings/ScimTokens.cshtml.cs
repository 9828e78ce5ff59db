using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Roster.Directory.Employees;
using Roster.Directory.Tokens;
using Roster.Server.Console.Authentication;

namespace Roster.Server.Console.Pages.Settings;

/// <summary>
/// Tenant settings &gt; Account settings &gt; SCIM tokens (CXone, MoEngage): the tokens of the
/// organization with their owner, use and state, a form that generates one for an employee
/// profile, and revocation. A generated token is in the answer to the POST and nowhere else.
/// </summary>
[Authorize(Policy = ConsolePolicies.ScimManage)]
public sealed class ScimTokensModel(IScimTokenService tokens, ListEmployees employees, TimeProvider time) : ConsolePageModel
{
    public const string Path = "/console/settings/scim-tokens";

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public Guid? OwnerId { get; set; }

    /// <summary>The day the token stops working (00:00 UTC); one year ahead by default, as CXone recommends.</summary>
    [BindProperty]
    public DateOnly? Expires { get; set; }

    public IReadOnlyList<ScimTokenSummary> Tokens { get; private set; } = [];

    /// <summary>The profiles a token can belong to: every employee that is not deactivated.</summary>
    public IReadOnlyList<Employee> Owners { get; private set; } = [];

    /// <summary>The token just generated, rendered once in this response.</summary>
    public IssuedScimToken? Issued { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Expires = DateOnly.FromDateTime(time.GetUtcNow().Add(ScimTokenPolicy.DefaultLifetime).UtcDateTime);
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostGenerateAsync(CancellationToken cancellationToken)
    {
        if (OwnerId is not { } owner)
        {
            ModelState.AddModelError(nameof(OwnerId), "Pick the employee profile the token belongs to; changes made with it are credited to them.");
            await LoadAsync(cancellationToken);
            return Page();
        }

        DateTimeOffset? expires = Expires is { } day ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;
        var result = await tokens.IssueAsync(Actor, new ScimTokenRequest(Name ?? "", owner, expires), cancellationToken);
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
        Expires = DateOnly.FromDateTime(time.GetUtcNow().Add(ScimTokenPolicy.DefaultLifetime).UtcDateTime);
        ModelState.Clear();
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await tokens.RevokeAsync(Actor, id, cancellationToken);
        if (result.IsSuccess)
        {
            Notice = $"SCIM token '{result.Value.Name}' revoked; identity providers using it are refused from now on.";
        }
        else
        {
            Problem = result.Error.Detail;
        }

        return Redirect(Path);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Tokens = await tokens.ListAsync(OrgId, cancellationToken);
        var page = await employees.ExecuteAsync(OrgId, null, null, 1, ListEmployees.MaxPageSize, cancellationToken);
        Owners = page.IsSuccess ? [.. page.Value.Employees.Where(e => e.Status != EmployeeStatus.Deactivated)] : [];
    }
}
