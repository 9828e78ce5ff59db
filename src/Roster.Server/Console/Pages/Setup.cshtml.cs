using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Roster.Directory.Employees;
using Roster.Directory.Onboarding;
using Roster.Server.Console.Authentication;
using Roster.Server.Throttling;

namespace Roster.Server.Console.Pages;

/// <summary>
/// Where a setup link lands (<c>/setup#token=...</c>): the first administrator of an organization
/// without one chooses their email, name and password, and is signed in to the console
/// (<see cref="CreateFirstAdministrator"/>; the link works once). Anonymous: the token is the
/// credential. It comes in the fragment, which the page's script copies into the form; a link
/// that does not work (made up, used, expired, or the organization has an administrator now)
/// gets a page that says so and nothing is written.
/// </summary>
public sealed class SetupModel(CreateFirstAdministrator create, OpenSetupLink open, ConsoleSignIn signIn) : ConsolePageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Enter your work email.")]
    [Display(Name = "Work email")]
    public string Email { get; set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "Enter your first name.")]
    [Display(Name = "First name")]
    public string FirstName { get; set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "Enter your last name.")]
    [Display(Name = "Last name")]
    public string LastName { get; set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "Choose a password.")]
    [DataType(DataType.Password)]
    [Display(Name = "Password")]
    public string Password { get; set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "Repeat the password.")]
    [DataType(DataType.Password)]
    [Display(Name = "Repeat the password")]
    [Compare(nameof(Password), ErrorMessage = "The two passwords are not the same.")]
    public string Confirmation { get; set; } = "";

    public int MinLength => ActivateEmployee.MinPasswordLength;

    /// <summary>Why the link does not work; the page then shows this instead of the form.</summary>
    public string? Refusal { get; private set; }

    /// <summary>The fragment is read by the page's script; a link made with <c>?token=</c> is checked at once.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(Token) && await open.ExecuteAsync(Token, cancellationToken) is { IsSuccess: false } refused)
        {
            return Refuse(refused.Error.Detail);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Token))
        {
            return Refuse(SetupLinkErrors.Invalid);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await create.ExecuteAsync(Token, new FirstAdministratorDraft(Email, FirstName, LastName, Password), cancellationToken);
        if (!result.IsSuccess)
        {
            if (result.Error.Detail is SetupLinkErrors.Invalid or SetupLinkErrors.Used or SetupLinkErrors.Expired or SetupLinkErrors.AdministratorExists)
            {
                return Refuse(result.Error.Detail);
            }

            ModelState.AddModelError(string.Empty, result.Error.Detail);
            return Page();
        }

        // Signed in as at the sign-in page, so the session is the same kind as any other.
        var outcome = await signIn.SignInAsync(Email, Password, result.Value.TenantId, TooManyRequests.ClientAddress(HttpContext), cancellationToken);
        if (outcome.Principal is null)
        {
            return LocalRedirect(ConsoleAuthentication.SignInPath);
        }

        await HttpContext.SignInAsync(ConsoleAuthentication.Scheme, outcome.Principal, new AuthenticationProperties { IsPersistent = false });
        return LocalRedirect(ConsolePaths.Root);
    }

    private PageResult Refuse(string refusal)
    {
        Refusal = refusal;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
