using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Roster.Directory.Sessions;
using Roster.Server.Console.Authentication;

namespace Roster.Server.Console.Pages;

/// <summary>
/// Ends the session: deletes it on the server (so any copy of the cookie stops working on every
/// node) and then the cookie. Only a POST (with its anti-forgery token) signs out, so a link on
/// another site cannot.
/// </summary>
public sealed class SignOutModel(EndConsoleSession end) : ConsolePageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (User.SessionId() is { } session)
        {
            await end.ExecuteAsync(OrgId, session, cancellationToken);
        }

        await HttpContext.SignOutAsync(ConsoleAuthentication.Scheme);
        return LocalRedirect(ConsoleAuthentication.SignInPath);
    }
}
