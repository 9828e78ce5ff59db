using System.Text;

namespace Roster.Server.Tests.Isolation;

/// <summary>Request builders for the endpoint cases.</summary>
public static class Requests
{
    public static HttpRequestMessage Send(string method, string url, string? json = null, string mediaType = "application/scim+json")
    {
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, mediaType);
        }

        return request;
    }

    public static HttpRequestMessage Json(string method, string url, string json) => Send(method, url, json, "application/json");

    /// <summary>A console form: its fields and the session's anti-forgery token.</summary>
    public static HttpRequestMessage Form(string url, string? formToken, params (string Name, string Value)[] fields)
    {
        var values = fields.ToDictionary(f => f.Name, f => f.Value);
        if (formToken is not null)
        {
            values["__RequestVerificationToken"] = formToken;
        }

        return new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(values) };
    }
}
