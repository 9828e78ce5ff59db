using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Roster.Directory.Apps;
using Roster.Directory.Employees;
using Roster.Server.Admin.Apps;
using Roster.Server.Console.Authentication;

namespace Roster.Server.Console.Pages.Developer.Apps;

/// <summary>
/// Developer &gt; App registrations &gt; an app: change its description, technical contacts,
/// redirect URLs, registrant and business unit (<see cref="UpdateApp"/>). No new client ID or
/// secret: what was pasted into the identity provider keeps working. Every mistake is shown next
/// to its box at once. Contacts added are emailed the registration, never the secret.
/// </summary>
[Authorize(Policy = ConsolePolicies.SecurityLoginManage)]
public sealed class EditModel(ListApps list, UpdateApp update, AppRegistrationMail mail, GetEmployee employees) : ConsolePageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    [BindProperty]
    public string? Contacts { get; set; }

    [BindProperty]
    public string? RedirectUris { get; set; }

    [BindProperty]
    public string? Registrant { get; set; }

    [BindProperty]
    public string? BusinessUnit { get; set; }

    public AppRegistration App { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await list.FindAsync(OrgId, Id, cancellationToken) is not { } app)
        {
            return Missing(T["There is no such app registration in this organization."]);
        }

        App = app;
        Description = app.Description;
        Contacts = string.Join('\n', app.Contacts);
        RedirectUris = string.Join('\n', app.RedirectUris);
        Registrant = app.Registrant;
        BusinessUnit = app.BusinessUnit;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await list.FindAsync(OrgId, Id, cancellationToken) is not { } app)
        {
            return Missing(T["There is no such app registration in this organization."]);
        }

        App = app;
        var redirects = AppForm.Lines(RedirectUris);
        var contacts = AppForm.Lines(Contacts, commasSeparate: true);
        var result = await update.ExecuteAsync(Actor, Id, new AppDetails(Description, contacts, redirects, Registrant, BusinessUnit), cancellationToken);
        if (!result.IsSuccess)
        {
            ShowAll(result.Error);
            return Page();
        }

        // Saved: the contacts added are told about the app; one whose mail fails is said, nothing is undone.
        var saved = result.Value;
        var added = saved.Contacts.Where(c => !app.Contacts.Contains(c, StringComparer.OrdinalIgnoreCase)).ToList();
        var mailed = await mail.SendAsync(saved, added, await AppPerson.DescribeAsync(employees, User, cancellationToken), registered: false, Request, cancellationToken);
        Notice = T["App '{0}' saved; its client ID and secret are unchanged.", app.Name];
        Problem = mailed.Failed.Count > 0 ? T["The email to {0} could not be sent; the app is saved all the same. Send them its details yourself.", string.Join(", ", mailed.Failed)].Value : null;
        return Redirect(IndexModel.Path);
    }
}
