namespace Roster.Server.Console.Pages.Developer.Apps;

/// <summary>How the registration form's boxes become the lists <see cref="Roster.Directory.Apps.AppDraft"/> holds.</summary>
public static class AppForm
{
    /// <summary>The Okta callback seed 002 asks for; {appName} is the Okta app's name.</summary>
    public const string OktaRedirectExample = "https://system-admin.okta.com/admin/app/cpc/{appName}/oauth/callback";

    /// <summary>Entries typed one per line (commas also separate contacts).</summary>
    public static IReadOnlyList<string> Lines(string? text, bool commasSeparate = false) =>
        [.. (text ?? "").Split(commasSeparate ? [',', ';', '\n', '\r'] : ['\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
