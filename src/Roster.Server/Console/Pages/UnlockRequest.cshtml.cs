using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Roster.Directory.Employees;
using Roster.Server.Deployment;
using Roster.Server.Throttling;

namespace Roster.Server.Console.Pages;

/// <summary>
/// "Locked? Email me an unlock link" (<see cref="SendUnlockLink"/>). Anonymous, and the answer
/// is the same sentence whether the email is unknown, known and not locked, or locked, so the
/// page tells nobody who has an account. The link is built from the configured public URL
/// (<see cref="DeploymentUrls.EmailedLink"/>), never from the request.
/// </summary>
public sealed class UnlockRequestModel(SendUnlockLink send, DeploymentUrls urls) : ConsolePageModel
{
    /// <summary>The answer in English (the page says it through <c>T</c>, in the same words).</summary>
    public const string SentNotice =
        "If an account with this email is locked, an unlock link is on its way to it. The link works once, for an hour. No email? The account is not locked: try signing in again.";

    [BindProperty]
    [Required(ErrorMessage = "Enter your email.")]
    [Display(Name = "Email")]
    public string Email { get; set; } = "";

    /// <summary>True once the request is taken.</summary>
    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (urls.EmailedLink(ConsolePaths.Unlock, out var problem) is not { } unlockBase)
        {
            ModelState.AddModelError(string.Empty, problem!);
            return Page();
        }

        await send.ExecuteAsync(Email, TooManyRequests.ClientAddress(HttpContext), unlockBase, cancellationToken);
        Sent = true;
        return Page();
    }
}
