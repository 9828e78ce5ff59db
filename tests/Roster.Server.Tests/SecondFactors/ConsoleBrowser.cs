using System.Net;
using System.Text.RegularExpressions;
using Roster.Server.Tests.Isolation;

namespace Roster.Server.Tests.SecondFactors;

/// <summary>
/// A browser on the console over HTTP: it keeps its cookies, follows no redirect by itself, speaks
/// from one address (a trusted proxy's X-Forwarded-For), and posts each form with the anti-forgery
/// token of the page it last read.
/// </summary>
public sealed partial class ConsoleBrowser(Uri baseAddress, string address) : IDisposable
{
    private readonly CookieContainer _cookies = new();
    private HttpClient? _http;
    private string? _token;

    private HttpClient Http => _http ??= new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = _cookies }) { BaseAddress = baseAddress };

    /// <summary>The page last read.</summary>
    public string Html { get; private set; } = "";

    public bool HasCookie(string name) => _cookies.GetCookies(new Uri(baseAddress, "/console/sign-in/code")).Any(c => c.Name == name)
        || _cookies.GetCookies(baseAddress).Any(c => c.Name == name);

    public async Task<HttpResponseMessage> GetAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Forwarded-For", address);
        var response = await Http.SendAsync(request);
        await ReadAsync(response);
        return response;
    }

    public async Task<HttpResponseMessage> PostAsync(string path, params (string Name, string Value)[] fields)
    {
        Assert.True(_token is not null, "Read a page with a form first.");
        using var request = Requests.Form(path, _token, fields);
        request.Headers.Add("X-Forwarded-For", address);
        var response = await Http.SendAsync(request);
        await ReadAsync(response);
        return response;
    }

    /// <summary>Signs in with email and password; answers where the sign-in page sent the browser.</summary>
    public async Task<string> SignInAsync(string email, string password)
    {
        await GetAsync("console/sign-in");
        using var response = await PostAsync("console/sign-in", ("Email", email), ("Password", password));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Sign-in of {email}: {(int)response.StatusCode} {Html}");
        return response.Headers.Location!.OriginalString;
    }

    /// <summary>The value of the read-only field <paramref name="id"/> of the page last read.</summary>
    public string Field(string id)
    {
        var match = Regex.Match(Html, $"id=\"{Regex.Escape(id)}\" value=\"([^\"]*)\"");
        Assert.True(match.Success, $"The page has no field {id}: {Html}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public IReadOnlyList<string> RecoveryCodes() => [.. RecoveryCode().Matches(Html).Select(m => m.Groups[1].Value)];

    public void Dispose() => _http?.Dispose();

    private async Task ReadAsync(HttpResponseMessage response)
    {
        Html = await response.Content.ReadAsStringAsync();
        var match = FormToken().Match(Html);
        if (match.Success)
        {
            _token = WebUtility.HtmlDecode(match.Groups[1].Value);
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();

    [GeneratedRegex("<code translate=\"no\">([a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4})</code>")]
    private static partial Regex RecoveryCode();
}
