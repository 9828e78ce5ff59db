using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace Roster.Server.Tests.OAuth;

/// <summary>
/// A person's browser for the authorization code flow: keeps cookies, follows Roster's own
/// redirects, stops at the first redirect that leaves Roster (the IdP's callback), and submits
/// forms with their hidden fields (anti-forgery token included).
/// </summary>
public sealed partial class OAuthBrowser : IDisposable
{
    private readonly HttpClient _http;

    public OAuthBrowser(Uri baseAddress)
    {
        _http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = baseAddress };
    }

    /// <summary>The headers of the last response, the page's or the redirect's that left Roster.</summary>
    public HttpResponseHeaders? LastHeaders { get; private set; }

    /// <summary>The page reached, or the URL outside Roster a redirect pointed to.</summary>
    public async Task<(string? Html, Uri? LeftTo, HttpStatusCode Status)> GetAsync(string url) => await FollowAsync(await _http.GetAsync(url));

    /// <summary>Submits the page's first POST form with its hidden fields and <paramref name="fields"/>.</summary>
    public async Task<(string? Html, Uri? LeftTo, HttpStatusCode Status)> SubmitAsync(string html, string action, IDictionary<string, string> fields)
    {
        var form = new Dictionary<string, string>();
        foreach (Match input in InputTag().Matches(html))
        {
            var attributes = Attribute().Matches(input.Value).ToDictionary(a => a.Groups["key"].Value.ToLowerInvariant(), a => WebUtility.HtmlDecode(a.Groups["value"].Value));
            if (attributes.GetValueOrDefault("type") == "hidden" && attributes.TryGetValue("name", out var name))
            {
                form[name] = attributes.GetValueOrDefault("value") ?? "";
            }
        }

        foreach (var (name, value) in fields)
        {
            form[name] = value;
        }

        return await FollowAsync(await _http.PostAsync(action, new FormUrlEncodedContent(form)));
    }

    public void Dispose() => _http.Dispose();

    private async Task<(string? Html, Uri? LeftTo, HttpStatusCode Status)> FollowAsync(HttpResponseMessage response)
    {
        for (var hops = 0; hops < 10; hops++)
        {
            LastHeaders = response.Headers;
            if ((int)response.StatusCode is < 300 or >= 400)
            {
                return (await response.Content.ReadAsStringAsync(), null, response.StatusCode);
            }

            var location = new Uri(_http.BaseAddress!, response.Headers.Location!);
            if (location.Authority != _http.BaseAddress!.Authority)
            {
                return (null, location, response.StatusCode);
            }

            response.Dispose();
            response = await _http.GetAsync(location);
        }

        throw new InvalidOperationException("Too many redirects.");
    }

    [GeneratedRegex("<input\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InputTag();

    [GeneratedRegex("(?<key>[a-zA-Z_-]+)=\"(?<value>[^\"]*)\"")]
    private static partial Regex Attribute();
}
