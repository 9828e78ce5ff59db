using System.Net.Mail;
using Roster.Directory.Administration;
using Roster.Directory.Credentials;

namespace Roster.Directory.Apps;

/// <summary>
/// What an app registration must satisfy before it becomes an OAuth client. Every field is
/// checked, so a form shows all its mistakes at once: the first refusal is the error, the others
/// ride along in <see cref="AdminError.Also"/>, each naming its field.
/// </summary>
public static class AppRules
{
    private const int MaxNameLength = 100;
    private const int MaxDescriptionLength = 1000;
    /// <summary>At most this many technical contacts, each of whom is emailed the registration.</summary>
    public const int MaxContacts = 10;
    private const int MaxRegistrantLength = 200;
    private const int MaxBusinessUnitLength = 100;

    public static AdminResult<AppDraft> Check(AppDraft draft)
    {
        var errors = new List<AdminError>();
        var name = draft.Name?.Trim() ?? "";
        if (name.Length is 0 or > MaxNameLength)
        {
            errors.Add(AdminError.Validation($"Give the app a name of 1 to {MaxNameLength} characters.") with { Field = "name" });
        }

        var description = string.IsNullOrWhiteSpace(draft.Description) ? null : draft.Description.Trim();
        if (description is { Length: > MaxDescriptionLength })
        {
            errors.Add(AdminError.Validation($"The description is at most {MaxDescriptionLength} characters.") with { Field = "description" });
        }

        var registrant = string.IsNullOrWhiteSpace(draft.Registrant) ? null : draft.Registrant.Trim();
        if (registrant is { Length: > MaxRegistrantLength })
        {
            errors.Add(AdminError.Validation($"The registrant is at most {MaxRegistrantLength} characters.") with { Field = "registrant" });
        }

        var businessUnit = string.IsNullOrWhiteSpace(draft.BusinessUnit) ? null : draft.BusinessUnit.Trim();
        if (businessUnit is { Length: > MaxBusinessUnitLength })
        {
            errors.Add(AdminError.Validation($"The business unit is at most {MaxBusinessUnitLength} characters.") with { Field = "businessUnit" });
        }

        // Every contact is emailed the registration (and again when the contacts change): the cap
        // bounds the mail one request can send.
        var contacts = (draft.Contacts ?? []).Select(c => c?.Trim() ?? "").Where(c => c.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (contacts.Count is 0 or > MaxContacts)
        {
            errors.Add(AdminError.Validation($"Name 1 to {MaxContacts} technical contacts by email, so someone can be reached about the app.") with { Field = "contacts" });
        }
        else if (contacts.FirstOrDefault(c => !IsEmail(c)) is { } badContact)
        {
            errors.Add(AdminError.Validation($"\"{badContact}\" is not an email address.") with { Field = "contacts" });
        }

        var redirects = (draft.RedirectUris ?? []).Select(r => r?.Trim() ?? "").Where(r => r.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (redirects.Count > RedirectUriRules.MaxCount || (redirects.Count == 0 && draft.ClientType != AppClientType.BackEnd))
        {
            errors.Add(AdminError.Validation($"Give 1 to {RedirectUriRules.MaxCount} redirect URLs, e.g. https://system-admin.okta.com/admin/app/cpc/{{appName}}/oauth/callback.") with { Field = "redirectUris" });
        }
        else
        {
            foreach (var redirect in redirects)
            {
                if (HoldsPlaceholder(redirect))
                {
                    errors.Add(AdminError.Validation($"'{redirect}' still holds a placeholder such as {{appName}}: replace it with your identity provider's value (for Okta, the app's name as in its admin URL).") with { Field = "redirectUris" });
                    break;
                }

                if (RedirectUriRules.Check(redirect, publicClient: draft.ClientType == AppClientType.UserPublic) is { } reason)
                {
                    var shown = redirect.Length > 100 ? redirect[..100] + "..." : redirect;
                    errors.Add(AdminError.Validation($"\"{shown}\" is not a usable redirect URL: {reason}.") with { Field = "redirectUris" });
                    break;
                }
            }
        }

        var scopes = (draft.Scopes ?? []).Select(s => s?.Trim() ?? "").Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (scopes.Count == 0)
        {
            scopes = [.. OAuthScopes.All];
        }

        if (scopes.FirstOrDefault(s => !OAuthScopes.All.Contains(s, StringComparer.Ordinal)) is { } badScope)
        {
            errors.Add(AdminError.Validation($"Unknown scope \"{badScope}\"; the scopes are {string.Join(", ", OAuthScopes.All)}.") with { Field = "scopes" });
        }

        return errors.Count > 0
            ? errors[0] with { Also = [.. errors.Skip(1)] }
            : draft with { Name = name, Description = description, Contacts = contacts, RedirectUris = redirects, Scopes = scopes, Registrant = registrant, BusinessUnit = businessUnit };
    }

    /// <summary>
    /// A guide's placeholder left in a redirect URL (<c>{appName}</c>, <c>${appName}</c>, any
    /// <c>{...}</c>): registered as typed it would match no real callback, and the failure would
    /// show only when the identity provider first signs in.
    /// </summary>
    private static bool HoldsPlaceholder(string redirectUri) =>
        redirectUri.IndexOf('{', StringComparison.Ordinal) is var open and >= 0 && redirectUri.IndexOf('}', open) > open;

    private static bool IsEmail(string text) =>
        MailAddress.TryCreate(text, out var address) && string.Equals(address.Address, text, StringComparison.OrdinalIgnoreCase);
}
