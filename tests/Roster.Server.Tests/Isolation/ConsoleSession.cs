using System.Net;
using System.Text.RegularExpressions;

namespace Roster.Server.Tests.Isolation;

/// <summary>
/// A person signed in to the web console over HTTP: the session and anti-forgery cookies the
/// sign-in form set, and the anti-forgery token its forms post, as a <see cref="Credential"/>.
/// </summary>
public static partial class ConsoleSession
{
    public static async Task<Credential> SignInAsync(Uri baseAddress, string kind, string email, string password)
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies }) { BaseAddress = baseAddress };
        var form = await http.GetStringAsync("console/sign-in");
        var signedIn = await http.PostAsync("console/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
            ["__RequestVerificationToken"] = FormTokenIn(form),
        }));
        Assert.True(signedIn.StatusCode == HttpStatusCode.Redirect, $"Console sign-in of {email}: {(int)signedIn.StatusCode} {await signedIn.Content.ReadAsStringAsync()}");

        // The anti-forgery token is bound to the signed-in person, so it is read again from a signed-in page.
        var token = FormTokenIn(await http.GetStringAsync("console/sign-out"));
        return new Credential(kind, Cookie: cookies.GetCookieHeader(baseAddress), FormToken: token)
        {
            Renew = () => SignInAsync(baseAddress, kind, email, password),
        };
    }

    /// <summary>A browser that has only opened the sign-in page: its anti-forgery cookie and token, no session.</summary>
    public static async Task<Credential> AnonymousAsync(Uri baseAddress)
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies }) { BaseAddress = baseAddress };
        var token = FormTokenIn(await http.GetStringAsync("console/sign-in"));
        return new Credential("a browser without a session", Cookie: cookies.GetCookieHeader(baseAddress), FormToken: token);
    }

    public static string FormTokenIn(string html)
    {
        var match = FormToken().Match(html);
        Assert.True(match.Success, "The page has no anti-forgery token.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();
}
