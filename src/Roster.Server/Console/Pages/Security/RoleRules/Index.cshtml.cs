using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Roster.Directory.RoleRules;
using Roster.Directory.Roles;
using Roster.Server.Console.Authentication;

namespace Roster.Server.Console.Pages.Security.RoleRules;

/// <summary>
/// Security &gt; Role rules: IdP groups and roles values mapped to roles. "Preview" shows on this
/// page who would gain and lose each role (the very statements saving runs, rolled back); "Save"
/// does it. Each rule can be previewed for removal, then removed. Needs roles.manage, and the
/// privilege model's rules for the roles involved.
/// </summary>
[Authorize(Policy = ConsolePolicies.RolesManage)]
public sealed class IndexModel(ListRoleRules list, ListRoles roles, CreateRoleRule create, DeleteRoleRule delete, PreviewRoleRule preview) : ConsolePageModel
{
    public const string Path = "/console/security/role-rules";

    [BindProperty]
    public string? Match { get; set; } = RuleMatches.GroupDisplayName;

    [BindProperty]
    public string? Value { get; set; }

    [BindProperty]
    public Guid? RoleId { get; set; }

    [BindProperty]
    public int Priority { get; set; } = RoleRuleDraft.DefaultPriority;

    public IReadOnlyList<RoleRule> Rules { get; private set; } = [];

    public IReadOnlyList<Role> Roles { get; private set; } = [];

    /// <summary>What the last "Preview" showed, and for which rule (null: the form's new rule).</summary>
    public RulePreview? Preview { get; private set; }

    public Guid? PreviewedRemoval { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken)
    {
        var result = await preview.ExecuteAsync(Actor, null, Draft(), cancellationToken);
        return await ShowAsync(result.IsSuccess ? result.Value : null, result.Error, null, cancellationToken);
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        var result = await create.ExecuteAsync(Actor, Draft(), cancellationToken);
        if (!result.IsSuccess)
        {
            return await ShowAsync(null, result.Error, null, cancellationToken);
        }

        Notice = T["Rule saved; its role was given at once to everyone it matches."];
        return Redirect(Path);
    }

    public async Task<IActionResult> OnPostPreviewRemovalAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await preview.ExecuteAsync(Actor, id, null, cancellationToken);
        return await ShowAsync(result.IsSuccess ? result.Value : null, result.Error, id, cancellationToken);
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await delete.ExecuteAsync(Actor, id, cancellationToken);
        Notice = result.IsSuccess ? T["Rule removed, with every role it gave."].Value : null;
        Problem = result.Error is { } error ? Say(error) : null;
        return Redirect(Path);
    }

    public string RoleName(Guid id) => Roles.FirstOrDefault(r => r.Id == id)?.Name ?? id.ToString();

    private RoleRuleDraft Draft() => new(Match, Value, RoleId ?? Guid.Empty, Priority);

    private async Task<IActionResult> ShowAsync(RulePreview? shown, Directory.Administration.AdminError? error, Guid? removal, CancellationToken cancellationToken)
    {
        if (error is not null)
        {
            ShowError(error);
        }

        Preview = shown;
        PreviewedRemoval = removal;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Rules = await list.ExecuteAsync(OrgId, cancellationToken);
        Roles = await roles.ExecuteAsync(OrgId, cancellationToken);
    }
}
