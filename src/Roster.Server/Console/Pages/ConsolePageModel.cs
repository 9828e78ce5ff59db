using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Roster.Directory.Administration;
using Roster.Directory.Roles;
using Roster.Server.Admin.Authentication;
using Roster.Server.Console.Authentication;
using Roster.Server.Console.Http;

namespace Roster.Server.Console.Pages;

/// <summary>What every signed-in console page knows: the tenant, the acting employee, their permissions, and a notice to show once.</summary>
public abstract class ConsolePageModel : PageModel
{
    /// <summary>A sentence shown once on the next page (after a redirect).</summary>
    [TempData]
    public string? Notice { get; set; }

    /// <summary>A refusal shown once on the next page (after a redirect), for actions started from a list.</summary>
    [TempData]
    public string? Problem { get; set; }

    public Guid OrgId => User.TenantId() ?? Guid.Empty;

    /// <summary>Who makes the page's changes, as the audit log credits them.</summary>
    public AdminActor Actor => User.ConsoleActor();

    public bool Can(Permission permission)
    {
        ArgumentNullException.ThrowIfNull(permission);
        return User.HasPermission(permission.Key);
    }

    /// <summary>A 403 page that names the permission an action needs (the page itself may be allowed).</summary>
    protected IActionResult Refuse(Permission permission)
    {
        ArgumentNullException.ThrowIfNull(permission);
        HttpContext.Items[ConsoleStatusCodePages.DetailKey] = new PermissionRequirement([permission.Key]).Refusal;
        return StatusCode(StatusCodes.Status403Forbidden);
    }

    /// <summary>A 404 page for a thing that is not in this organization.</summary>
    protected IActionResult Missing(string detail)
    {
        HttpContext.Items[ConsoleStatusCodePages.DetailKey] = detail;
        return StatusCode(StatusCodes.Status404NotFound);
    }

    /// <summary>Shows a use case's refusal next to <paramref name="field"/>, or above the form when null.</summary>
    protected void ShowError(AdminError error, string? field = null)
    {
        ArgumentNullException.ThrowIfNull(error);
        ModelState.AddModelError(field ?? string.Empty, error.Detail);
    }
}
