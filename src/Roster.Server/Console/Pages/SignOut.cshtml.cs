using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace Roster.Server.Console.Pages;

/// <summary>Ends the session. Only a POST (with its anti-forgery token) signs out, so a link on another site cannot.</summary>
public sealed class SignOutModel : ConsolePageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(ConsoleAuthentication.Scheme);
        return LocalRedirect(ConsoleAuthentication.SignInPath);
    }
}
