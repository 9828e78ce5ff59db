using Microsoft.AspNetCore.Mvc;
using Roster.Directory.Employees;
using Roster.Server.Throttling;

namespace Roster.Server.Console.Pages;

/// <summary>
/// Where an unlock email's link lands (<c>/unlock#token=...</c>): one press unlocks the profile
/// and the address it is pressed from (<see cref="UnlockByLink"/>; the link works once). The page
/// does not unlock on GET, so that a mail scanner that opens links unlocks nothing. Anonymous:
/// the token is the credential. It comes in the fragment, which the page's script copies into the form.
/// </summary>
public sealed class UnlockModel(UnlockByLink unlock) : ConsolePageModel
{
    [BindProperty]
    public string? Token { get; set; }

    /// <summary>The unlocked profile's email, once done.</summary>
    public string? UnlockedEmail { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Token))
        {
            ModelState.AddModelError(string.Empty, T["Open this page from the link in your unlock email."]);
            return Page();
        }

        var result = await unlock.ExecuteAsync(Token, TooManyRequests.ClientAddress(HttpContext), cancellationToken);
        if (!result.IsSuccess)
        {
            ModelState.AddModelError(string.Empty, result.Error.Detail);
            return Page();
        }

        UnlockedEmail = result.Value.Email;
        return Page();
    }
}
