using System.Text;

namespace Roster.Server.Tests.Admin;

/// <summary>
/// The admin API's state-changing requests that carry no body, sent as docs/api.md says:
/// with <c>Content-Type: application/json</c> and an empty body.
/// </summary>
public static class AdminHttp
{
    /// <summary>An empty body that says it is JSON.</summary>
    public static HttpContent NoBody() => new StringContent("", Encoding.UTF8, "application/json");

    public static Task<HttpResponseMessage> PostNoBodyAsync(this HttpClient http, string url)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.PostAsync(new Uri(url, UriKind.RelativeOrAbsolute), NoBody());
    }

    public static Task<HttpResponseMessage> PutNoBodyAsync(this HttpClient http, string url)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.PutAsync(new Uri(url, UriKind.RelativeOrAbsolute), NoBody());
    }

    public static Task<HttpResponseMessage> DeleteNoBodyAsync(this HttpClient http, string url)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.SendAsync(new HttpRequestMessage(HttpMethod.Delete, new Uri(url, UriKind.RelativeOrAbsolute)) { Content = NoBody() });
    }
}
