using System.Net;
using System.Text.RegularExpressions;

namespace Roster.Server.Tests.Sso;

/// <summary>
/// A browser reduced to what an OpenID Connect sign-in needs: it keeps cookies (Roster's and the
/// IdP's), follows redirects one by one, and fills in the test IdP's login form with the email
/// it is told to assert. It stops before Roster's callback, so a test can send it, twice, changed or not at all.
/// </summary>
public sealed partial class OidcBrowser : IDisposable
{
    private readonly HttpClient _http;

    public OidcBrowser(Uri roster)
    {
        Handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() };
        _http = new HttpClient(Handler) { BaseAddress = roster };
    }

    public HttpClientHandler Handler { get; }

    /// <summary>From Roster's start URL through the IdP's login and consent to the callback URL Roster is sent back to (not requested).</summary>
    public async Task<Uri> SignInAtIdpAsync(string startUrl, string email, bool emailVerified = true)
    {
        var url = new Uri(_http.BaseAddress!, startUrl);
        for (var step = 0; step < 20; step++)
        {
            using var response = await _http.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.OK && FormAction().Match(body) is { Success: true } form)
            {
                var fields = new Dictionary<string, string> { ["email"] = email, ["givenName"] = "Sam", ["familyName"] = "Single" };
                if (!emailVerified)
                {
                    fields["unverified"] = "true";
                }

                using var posted = await _http.PostAsync(new Uri(url, WebUtility.HtmlDecode(form.Groups[1].Value)), new FormUrlEncodedContent(fields));
                Assert.True((int)posted.StatusCode is >= 300 and < 400, $"The IdP's login form answered {(int)posted.StatusCode}: {await posted.Content.ReadAsStringAsync()}");
                url = new Uri(url, posted.Headers.Location!);
                continue;
            }

            Assert.True((int)response.StatusCode is >= 300 and < 400, $"{url} answered {(int)response.StatusCode}: {body}");
            var next = new Uri(url, response.Headers.Location!);
            if (next.Authority == _http.BaseAddress!.Authority && next.AbsolutePath.EndsWith("/callback", StringComparison.Ordinal))
            {
                return next;
            }

            url = next;
        }

        throw new InvalidOperationException("The sign-in did not come back to Roster within 20 steps.");
    }

    /// <summary>Sends a request with this browser's cookies, without following its redirect.</summary>
    public Task<HttpResponseMessage> GetAsync(Uri url) => _http.GetAsync(url);

    public Task<HttpResponseMessage> GetAsync(string url) => _http.GetAsync(new Uri(_http.BaseAddress!, url));

    public void Dispose()
    {
        _http.Dispose();
        Handler.Dispose();
    }

    [GeneratedRegex("<form method=\"post\" action=\"([^\"]+)\"")]
    private static partial Regex FormAction();
}
