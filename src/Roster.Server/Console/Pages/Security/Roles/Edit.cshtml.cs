using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Roster.Directory.Administration;
using Roster.Directory.Roles;
using Roster.Server.Console.Authentication;

namespace Roster.Server.Console.Pages.Security.Roles;

/// <summary>One role: rename it (General tab), change its permissions (Permissions tab), deactivate or activate it.</summary>
[Authorize(Policy = ConsolePolicies.RolesManage)]
public sealed class EditModel(GetRole get, RenameRole rename, SetRolePermissions setPermissions, DeactivateRole deactivate, ActivateRole activate) : ConsolePageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    /// <summary>"general" or "permissions".</summary>
    [BindProperty(SupportsGet = true)]
    public string Tab { get; set; } = "general";

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public List<string> Permissions { get; set; } = [];

    public Role Role { get; private set; } = null!;

    public bool OnPermissionsTab => string.Equals(Tab, "permissions", StringComparison.OrdinalIgnoreCase);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return Missing(T["There is no such role in this organization."]);
        }

        Name = Role.Name;
        Permissions = [.. Role.Permissions.Select(p => p.Key)];
        return Page();
    }

    public Task<IActionResult> OnPostRenameAsync(CancellationToken cancellationToken) =>
        SaveAsync(rename.ExecuteAsync(Actor, Id, Name ?? "", cancellationToken), nameof(Name), r => T["Role renamed to '{0}'.", r.Name], cancellationToken);

    public Task<IActionResult> OnPostPermissionsAsync(CancellationToken cancellationToken)
    {
        Tab = "permissions";
        return SaveAsync(setPermissions.ExecuteAsync(Actor, Id, Permissions, cancellationToken), nameof(Permissions), r => T["Permissions of '{0}' saved.", r.Name], cancellationToken);
    }

    public Task<IActionResult> OnPostDeactivateAsync(CancellationToken cancellationToken) =>
        SaveAsync(deactivate.ExecuteAsync(Actor, Id, cancellationToken), null, r => T["Role '{0}' deactivated: SCIM requests may no longer name it.", r.Name], cancellationToken);

    public Task<IActionResult> OnPostActivateAsync(CancellationToken cancellationToken) =>
        SaveAsync(activate.ExecuteAsync(Actor, Id, cancellationToken), null, r => T["Role '{0}' activated.", r.Name], cancellationToken);

    private async Task<IActionResult> SaveAsync(Task<AdminResult<Role>> change, string? field, Func<Role, string> notice, CancellationToken cancellationToken)
    {
        var result = await change;
        if (result.IsSuccess)
        {
            Notice = notice(result.Value);
            return Redirect($"/console/security/roles/{Id}" + (Tab == "permissions" ? "?tab=permissions" : ""));
        }

        if (result.Error.Kind == AdminErrorKind.NotFound || !await LoadAsync(cancellationToken))
        {
            return Missing(Say(result.Error));
        }

        ShowError(result.Error, field);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var found = await get.ExecuteAsync(OrgId, Id, cancellationToken);
        if (!found.IsSuccess)
        {
            return false;
        }

        Role = found.Value;
        return true;
    }
}
