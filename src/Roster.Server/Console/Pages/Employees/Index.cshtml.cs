using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Roster.Directory.Administration;
using Roster.Directory.Employees;
using Roster.Directory.Provisioning;
using Roster.Directory.Roles;
using Roster.Server.Console.Authentication;
using Roster.Server.Deployment;

namespace Roster.Server.Console.Pages.Employees;

/// <summary>
/// The Employees table: search, status filter, pages of <see cref="PageSize"/>; "Invite" next to a
/// profile that is not active yet and "Unblock" next to a locked one, as in CXone.
/// </summary>
[Authorize(Policy = ConsolePolicies.EmployeesView)]
public sealed class IndexModel(ListEmployees list, GetScimSettings scimSettings, InviteEmployee invite, UnlockEmployee unlock, DeploymentUrls urls) : ConsolePageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public EmployeeStatus? Status { get; set; }

    [BindProperty(Name = "p", SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public EmployeePage Employees { get; private set; } = new([], 0, 1, PageSize);

    /// <summary>SCIM provisioning is on: the IdP owns the users, manual changes are refused.</summary>
    public bool ManagedByScim { get; private set; }

    public int LastPage => Math.Max(1, (Employees.TotalCount + PageSize - 1) / PageSize);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var result = await list.ExecuteAsync(OrgId, Status, Search, Math.Max(1, PageNumber), PageSize, cancellationToken);
        if (!result.IsSuccess)
        {
            ShowError(result.Error);
            return Page();
        }

        Employees = result.Value;
        ManagedByScim = (await scimSettings.ExecuteAsync(OrgId, cancellationToken)).Enabled;
        return Page();
    }

    public async Task<IActionResult> OnPostInviteAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!Can(Permission.EmployeesEdit))
        {
            return Refuse(Permission.EmployeesEdit);
        }

        if (urls.EmailedLink(ConsolePaths.Activate, out var problem) is not { } activationBase)
        {
            return Done(null, AdminError.Conflict(problem!));
        }

        var result = await invite.ExecuteAsync(Actor, id, activationBase, cancellationToken);
        return Done(result.IsSuccess ? InvitationSent(T, result.Value) : null, result.Error);
    }

    public async Task<IActionResult> OnPostUnlockAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!Can(Permission.EmployeesEdit))
        {
            return Refuse(Permission.EmployeesEdit);
        }

        var result = await unlock.ExecuteAsync(Actor, id, cancellationToken);
        return Done(result.IsSuccess ? T["{0} is unblocked and can sign in again.", result.Value.Email].Value : null, result.Error);
    }

    /// <summary>The notice after an invitation is sent, shared with the profile page (the parameter is <c>T</c> for the untranslated-text test).</summary>
    internal static string InvitationSent(IStringLocalizer T, Invitation invitation) =>
        T["Invitation sent to {0}; the link works until {1} UTC.", invitation.Email, invitation.Expires.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)].Value;

    private RedirectResult Done(string? success, AdminError? error)
    {
        Notice = success;
        Problem = success is null && error is not null ? Say(error) : null;
        return Redirect(string.IsNullOrEmpty(Search) ? "/console/employees" : "/console/employees?search=" + Uri.EscapeDataString(Search));
    }
}
