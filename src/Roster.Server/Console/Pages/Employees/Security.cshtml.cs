using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Roster.Directory.AccessKeys;
using Roster.Directory.Administration;
using Roster.Directory.Employees;
using Roster.Server.Console.Authentication;

namespace Roster.Server.Console.Pages.Employees;

/// <summary>
/// The employee's Security tab (CXone): the profile's access keys with their use and state,
/// "Add access key" (the secret is in the answer to that POST and nowhere else), deactivate,
/// reactivate and delete. Needs accesskeys.manage, like the admin API's routes.
/// </summary>
[Authorize(Policy = ConsolePolicies.AccessKeysManage)]
public sealed class SecurityModel(GetEmployee get, ListAccessKeys list, CreateAccessKey create, ChangeAccessKey change) : ConsolePageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public Employee Employee { get; private set; } = null!;

    public IReadOnlyList<AccessKey> Keys { get; private set; } = [];

    /// <summary>The key just added, with its secret, rendered once in this response.</summary>
    public IssuedAccessKey? Issued { get; private set; }

    public string Path => $"/console/employees/{Id}/security";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : Missing(T["There is no such employee in this organization."]);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        var result = await create.ExecuteAsync(Actor, Id, cancellationToken);
        if (!await LoadAsync(cancellationToken))
        {
            return Missing(T["There is no such employee in this organization."]);
        }

        if (!result.IsSuccess)
        {
            ShowError(result.Error);
            return Page();
        }

        // The secret exists in this response only: no cache may keep it, no redirect carries it.
        Response.Headers.CacheControl = "no-store";
        Issued = result.Value;
        return Page();
    }

    public Task<IActionResult> OnPostDeactivateAsync(Guid keyId, CancellationToken cancellationToken) =>
        ChangeAsync(change.DeactivateAsync(Actor, keyId, cancellationToken), k => T["Access key {0} deactivated; it and the tokens it obtained stop working at once.", k.KeyId]);

    public Task<IActionResult> OnPostActivateAsync(Guid keyId, CancellationToken cancellationToken) =>
        ChangeAsync(change.ActivateAsync(Actor, keyId, cancellationToken), k => T["Access key {0} is active again.", k.KeyId]);

    public async Task<IActionResult> OnPostDeleteAsync(Guid keyId, CancellationToken cancellationToken)
    {
        var key = (await list.ExecuteAsync(OrgId, Id, cancellationToken)).FirstOrDefault(k => k.Id == keyId);
        var result = await change.DeleteAsync(Actor, keyId, cancellationToken);
        return Done(result.IsSuccess ? T["Access key {0} deleted.", key?.KeyId ?? ""].Value : null, result.Error);
    }

    private async Task<IActionResult> ChangeAsync(Task<AdminResult<AccessKey>> changing, Func<AccessKey, string> notice)
    {
        var result = await changing;
        return Done(result.IsSuccess ? notice(result.Value) : null, result.Error);
    }

    private RedirectResult Done(string? notice, AdminError? error)
    {
        Notice = notice;
        Problem = error is null ? null : Say(error);
        return Redirect(Path);
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var found = await get.ExecuteAsync(OrgId, Id, cancellationToken);
        if (!found.IsSuccess)
        {
            return false;
        }

        Employee = found.Value;
        Keys = await list.ExecuteAsync(OrgId, Id, cancellationToken);
        return true;
    }
}
