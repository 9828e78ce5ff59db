using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Roster.Directory.Employees;

namespace Roster.Server.Console.Pages;

/// <summary>
/// Where the invitation email's link lands (<c>/activate#token=...</c>): the invited person
/// chooses a password and the profile becomes active (<see cref="ActivateEmployee"/>; the link
/// works once). Anonymous: the token is the credential. It comes in the fragment, which the
/// page's script copies into the form; <c>?token=</c> is read too, for links made that way.
/// </summary>
public sealed class ActivateModel(ActivateEmployee activate) : ConsolePageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Choose a password.")]
    [DataType(DataType.Password)]
    [Display(Name = "New password")]
    public string Password { get; set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "Repeat the password.")]
    [DataType(DataType.Password)]
    [Display(Name = "Repeat the password")]
    [Compare(nameof(Password), ErrorMessage = "The two passwords are not the same.")]
    public string Confirmation { get; set; } = "";

    public int MinLength => ActivateEmployee.MinPasswordLength;

    /// <summary>The activated profile's email, once done.</summary>
    public string? ActivatedEmail { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Token))
        {
            ModelState.AddModelError(string.Empty, T["Open this page from the link in your invitation email."]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await activate.ExecuteAsync(Token!, Password, cancellationToken);
        if (!result.IsSuccess)
        {
            var field = result.Error.Field == "password" ? nameof(Password) : string.Empty;
            ModelState.AddModelError(field, result.Error.Detail);
            return Page();
        }

        ActivatedEmail = result.Value.Email;
        return Page();
    }
}
