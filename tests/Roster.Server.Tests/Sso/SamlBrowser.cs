using System.Net;
using System.Text.RegularExpressions;

namespace Roster.Server.Tests.Sso;

/// <summary>
/// A browser reduced to what a SAML sign-in needs: it keeps Roster's cookies, follows Roster's
/// redirect to the test IdP, fills in the IdP's login form and reads the form the IdP would post
/// to Roster's ACS. It stops before that post, so a test can send it as is, changed, or twice.
/// </summary>
public sealed partial class SamlBrowser : IDisposable
{
    private readonly HttpClientHandler _handler;
    private readonly HttpClient _http;

    public SamlBrowser(Uri roster)
    {
        _handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() };
        _http = new HttpClient(_handler) { BaseAddress = roster };
    }

    /// <summary>From Roster's start URL through the IdP's login to the response it would post (not posted).</summary>
    public async Task<SamlPost> SignInAtIdpAsync(string startPath, string email)
    {
        using var start = await _http.GetAsync(new Uri(_http.BaseAddress!, startPath));
        Assert.True(start.StatusCode == HttpStatusCode.Redirect, $"start answered {(int)start.StatusCode}: {await start.Content.ReadAsStringAsync()}");
        var idp = start.Headers.Location!;
        using var login = await _http.GetAsync(idp);
        var page = await login.Content.ReadAsStringAsync();
        Assert.True(login.StatusCode == HttpStatusCode.OK, $"The IdP answered {(int)login.StatusCode}: {page}");
        var fields = Hidden(page);
        fields["email"] = email;
        fields["givenName"] = "Sam";
        fields["familyName"] = "Single";
        using var posted = await _http.PostAsync(new Uri(idp, WebUtility.HtmlDecode(FormAction().Match(page).Groups[1].Value)), new FormUrlEncodedContent(fields));
        return await ReadPostAsync(posted);
    }

    /// <summary>An IdP-initiated response for <paramref name="email"/>; <paramref name="query"/> adds the test IdP's overrides (shift, destination, audience, inResponseTo, RelayState).</summary>
    public async Task<SamlPost> IdpInitiatedAsync(string samlBase, SamlIdp idp, string spEntityId, string email, string query = "")
    {
        ArgumentNullException.ThrowIfNull(idp);
        using var response = await _http.GetAsync(new Uri($"{samlBase}/saml/{idp.Id}/initiate?sp={Uri.EscapeDataString(spEntityId)}&email={Uri.EscapeDataString(email)}{query}"));
        return await ReadPostAsync(response);
    }

    /// <summary>Posts to Roster's ACS as the IdP's form would, with this browser's cookies.</summary>
    public Task<HttpResponseMessage> PostAsync(SamlPost post)
    {
        ArgumentNullException.ThrowIfNull(post);
        var fields = new Dictionary<string, string> { ["SAMLResponse"] = post.SamlResponse };
        if (post.RelayState is not null)
        {
            fields["RelayState"] = post.RelayState;
        }

        return _http.PostAsync(post.Acs, new FormUrlEncodedContent(fields));
    }

    public Task<HttpResponseMessage> GetAsync(string url) => _http.GetAsync(new Uri(_http.BaseAddress!, url));

    public void Dispose()
    {
        _http.Dispose();
        _handler.Dispose();
    }

    private static async Task<SamlPost> ReadPostAsync(HttpResponseMessage response)
    {
        var page = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"The IdP answered {(int)response.StatusCode}: {page}");
        var fields = Hidden(page);
        return new SamlPost(new Uri(WebUtility.HtmlDecode(FormAction().Match(page).Groups[1].Value)), fields["SAMLResponse"], fields.GetValueOrDefault("RelayState"));
    }

    private static Dictionary<string, string> Hidden(string page) =>
        HiddenField().Matches(page).ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value));

    [GeneratedRegex("<form method=\"post\" action=\"([^\"]+)\"")]
    private static partial Regex FormAction();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">")]
    private static partial Regex HiddenField();
}
