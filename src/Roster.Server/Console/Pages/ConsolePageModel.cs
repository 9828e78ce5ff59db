using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Roster.Directory.Administration;
using Roster.Directory.Roles;
using Roster.Server.Admin.Authentication;
using Roster.Server.Console.Authentication;
using Roster.Server.Console.Http;
using Roster.Server.Console.Localization;

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

    /// <summary>
    /// The console's words in the person's language (<see cref="ConsoleText"/>). Every page derives
    /// from this class, so the localizer is taken from the request's services here rather than
    /// added to each page's constructor.
    /// </summary>
    protected IStringLocalizer T => _text ??= HttpContext.RequestServices.GetRequiredService<IStringLocalizer<ConsoleText>>();

    private IStringLocalizer? _text;

    /// <summary>A use case's refusal in the person's language: its wording is the key, its values are placed as they are.</summary>
    protected string Say(AdminError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        // The admin API's sentences, keyed by their wording: said in the person's language where
        // ConsoleText has it, in English otherwise (UntranslatedTextTests reads the pages' own sentences).
        var text = T.GetString(error.Template, [.. error.Arguments.Select(a => a ?? "")]);
        return text.ResourceNotFound ? error.Detail : text.Value;
    }

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
        HttpContext.Items[ConsoleStatusCodePages.PermissionsKey] = new[] { permission.Key };
        return StatusCode(StatusCodes.Status403Forbidden);
    }

    /// <summary>A 404 page for a thing that is not in this organization.</summary>
    protected IActionResult Missing(string detail)
    {
        HttpContext.Items[ConsoleStatusCodePages.DetailKey] = detail;
        return StatusCode(StatusCodes.Status404NotFound);
    }

    /// <summary>Shows a refusal and every further one it carries (<see cref="AdminError.Also"/>), each next to its own box.</summary>
    protected void ShowAll(AdminError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        foreach (var each in (AdminError[])[error, .. error.Also])
        {
            ShowError(each, FormFields.BoxOf(each));
        }
    }

    /// <summary>Shows a use case's refusal next to <paramref name="field"/>, or above the form when null.</summary>
    protected void ShowError(AdminError error, string? field = null)
    {
        ArgumentNullException.ThrowIfNull(error);
        ModelState.AddModelError(field ?? string.Empty, Say(error));
    }
}
