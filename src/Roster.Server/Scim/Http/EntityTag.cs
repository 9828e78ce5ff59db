using System.Globalization;
using Roster.Scim.Errors;

namespace Roster.Server.Scim.Http;

/// <summary>Weak ETags <c>W/"version"</c> (RFC 7644 section 3.14) and the conditional headers.</summary>
public static class EntityTag
{
    public static string Format(long version) => string.Create(CultureInfo.InvariantCulture, $"W/\"{version}\"");

    /// <summary>
    /// The version an <c>If-Match</c> header requires: null when absent or <c>*</c>; an
    /// unparseable tag can never match, so it is a 412 rather than silently ignored.
    /// </summary>
    public static ScimResult<long?> ExpectedVersion(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ExpectedVersion(request.Headers.IfMatch.ToString());
    }

    /// <summary>The version an <c>If-Match</c> value (or a bulk operation's <c>version</c>) requires, as <see cref="ExpectedVersion(HttpRequest)"/>.</summary>
    public static ScimResult<long?> ExpectedVersion(string? value)
    {
        var header = (value ?? "").Trim();
        if (header.Length == 0 || header == "*")
        {
            return (long?)null;
        }

        // A list of tags may be sent; Roster has one version per resource, so the first one counts.
        var first = header.Split(',')[0].Trim();
        if (TryParse(first, out var version))
        {
            return (long?)version;
        }

        return ScimError.PreconditionFailed($"If-Match '{first}' is not an ETag this server issued; fetch the resource for its current ETag.");
    }

    /// <summary>True when <c>If-None-Match</c> names the current version (or is <c>*</c>).</summary>
    public static bool NoneMatchHits(HttpRequest request, long version)
    {
        ArgumentNullException.ThrowIfNull(request);
        foreach (var raw in request.Headers.IfNoneMatch.ToString().Split(','))
        {
            var tag = raw.Trim();
            if (tag == "*" || (TryParse(tag, out var v) && v == version))
            {
                return true;
            }
        }

        return false;
    }

    private static bool TryParse(string tag, out long version)
    {
        var text = tag.StartsWith("W/", StringComparison.OrdinalIgnoreCase) ? tag[2..] : tag;
        text = text.Trim('"');
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out version);
    }
}
