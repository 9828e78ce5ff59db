using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Roster.Directory.Roles;
using Roster.Server.Console.Authentication;

namespace Roster.Server.Console.Pages.Security.Roles;

/// <summary>"New role": a name and its permissions, then "Save and activate" (CXone's click path).</summary>
[Authorize(Policy = ConsolePolicies.RolesManage)]
public sealed class NewModel(CreateRole create) : ConsolePageModel
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public List<string> Permissions { get; set; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await create.ExecuteAsync(Actor, Name ?? "", Permissions, cancellationToken);
        if (!result.IsSuccess)
        {
            ShowError(result.Error, FormFields.BoxOf(result.Error));
            return Page();
        }

        Notice = T["Role '{0}' saved and active.", result.Value.Name];
        return Redirect($"/console/security/roles/{result.Value.Id}");
    }
}
