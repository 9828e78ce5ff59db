using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Roster.Directory.Provisioning;
using Roster.Server.Console.Authentication;

namespace Roster.Server.Console.Pages.Provisioning;

/// <summary>One SCIM request Roster refused: when, from which IdP and credential, the request line, and the full answer.</summary>
[Authorize(Policy = ConsolePolicies.AuditView)]
public sealed class ErrorModel(ScimCallErrors errors) : ConsolePageModel
{
    public ScimCallError Error { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await errors.FindAsync(OrgId, id, cancellationToken) is not { } error)
        {
            return Missing(T["There is no refused request {0} in this organization.", id]);
        }

        Error = error;
        return Page();
    }
}
