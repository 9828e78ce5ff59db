using System.Net;
using System.Text.RegularExpressions;

namespace Roster.Server.Tests.Isolation;

/// <summary>
/// What an endpoint answered, with the parts that differ from request to request by design
/// (ids named in the request, anti-forgery tokens, trace ids) replaced by placeholders, so two
/// answers can be compared for "says the same thing".
/// </summary>
public sealed partial record Answer(HttpStatusCode Status, string? Location, string Body)
{
    /// <summary>The raw body, before the request's ids were replaced.</summary>
    public string Raw { get; init; } = "";

    public int Code => (int)Status;

    /// <summary>Same status, same redirect and same body once the request's own ids are set aside.</summary>
    public bool SaysTheSameAs(Answer other) =>
        other is not null && Status == other.Status && Location == other.Location && Body == other.Body;

    public static async Task<Answer> ReadAsync(HttpResponseMessage response, ResourceIds ids, Guid orgId)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(ids);
        var raw = await response.Content.ReadAsStringAsync();
        return new Answer(response.StatusCode, Normalize(response.Headers.Location?.OriginalString, ids, orgId), Normalize(raw, ids, orgId)!) { Raw = raw };
    }

    /// <summary>Where this answer first differs from <paramref name="other"/>, for a failure message.</summary>
    public string DifferenceFrom(Answer other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Status != other.Status || Location != other.Location)
        {
            return $"{Code} {Location} against {other.Code} {other.Location}: {Excerpt(Body, 0)} against {Excerpt(other.Body, 0)}";
        }

        var at = 0;
        while (at < Body.Length && at < other.Body.Length && Body[at] == other.Body[at])
        {
            at++;
        }

        return $"{Code}, bodies differ at {at}: '{Excerpt(Body, at)}' against '{Excerpt(other.Body, at)}'";
    }

    private static string Excerpt(string text, int at)
    {
        var start = Math.Max(0, at - 80);
        return text.Substring(start, Math.Min(300, text.Length - start));
    }

    public override string ToString() => $"{Code} {Location} {(Body.Length > 600 ? Body[..600] + "..." : Body)}";

    private static string? Normalize(string? text, ResourceIds ids, Guid orgId)
    {
        if (text is null)
        {
            return null;
        }

        var named = new (string Value, string Placeholder)[]
        {
            (ids.User.ToString(), "{user}"), (ids.Group.ToString(), "{group}"), (ids.Employee.ToString(), "{employee}"), (ids.Role.ToString(), "{role}"),
            (ids.AccessKey.ToString(), "{accessKey}"), (ids.ScimToken.ToString(), "{scimToken}"), (ids.App.ToString(), "{app}"), (ids.Domain.ToString(), "{domain}"),
            (ids.RefusedRequest.ToString(), "{refusedRequest}"), (ids.Email, "{email}"), (ids.ClientId, "{clientId}"), (ids.RoleRule.ToString(), "{roleRule}"),
            (orgId.ToString(), "{org}"),
        };
        foreach (var (value, placeholder) in named)
        {
            text = text.Replace(value, placeholder, StringComparison.OrdinalIgnoreCase)
                .Replace(Uri.EscapeDataString(value), placeholder, StringComparison.OrdinalIgnoreCase)
                .Replace(WebUtility.HtmlEncode(value), placeholder, StringComparison.OrdinalIgnoreCase);
        }

        text = FormToken().Replace(text, "$1{formToken}\"");
        return TraceId().Replace(text, "\"traceId\":\"{traceId}\"");
    }

    [GeneratedRegex("(name=\"__RequestVerificationToken\" type=\"hidden\" value=\")[^\"]+\"")]
    private static partial Regex FormToken();

    [GeneratedRegex("\"traceId\":\"[^\"]*\"")]
    private static partial Regex TraceId();
}
