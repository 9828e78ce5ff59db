using System.Text.Json.Nodes;
using Roster.Scim.Errors;
using Roster.Scim.Filtering;
using Roster.Scim.Listing;
using Roster.Scim.Projection;
using Roster.Server.Hosting;

namespace Roster.Server.Scim.Http;

/// <summary>Reads the query-string parts of a SCIM request with Roster.Scim's parsers.</summary>
public static class ScimQuery
{
    /// <summary><c>attributes</c> / <c>excludedAttributes</c> of any SCIM request.</summary>
    public static ScimResult<AttributeProjection> Projection(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return AttributeProjection.Parse(Value(request, "attributes"), Value(request, "excludedAttributes"));
    }

    /// <summary>True when the request names attributes to return (so a PATCH answers with a body).</summary>
    public static bool AsksForAttributes(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Value(request, "attributes") is not null || Value(request, "excludedAttributes") is not null;
    }

    /// <summary>A list request from the query string (GET /Users?filter=...).</summary>
    public static ScimResult<ListRequest> List(HttpRequest request, RequestLimitsOptions limits)
    {
        ArgumentNullException.ThrowIfNull(request);
        // Each value of a repeated parameter stays its own pair, so the parser can refuse the repeat.
        var pairs = request.Query.SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)));
        return ListQueryParser.Parse(pairs, Limits(limits));
    }

    /// <summary>A list request from a SearchRequest body (POST .search).</summary>
    public static ScimResult<ListRequest> Search(JsonObject body, RequestLimitsOptions limits) =>
        ListQueryParser.ParseSearchRequest(body, Limits(limits));

    private static ListLimits Limits(RequestLimitsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new ListLimits
        {
            DefaultCount = options.DefaultPageSize,
            MaxCount = options.MaxPageSize,
            Filter = new FilterLimits { MaxLength = options.MaxFilterLength, MaxDepth = options.MaxFilterDepth, MaxTerms = options.MaxFilterTerms },
        };
    }

    /// <summary>A query parameter by name, ignoring case (RFC 7644 parameter names are case-insensitive).</summary>
    private static string? Value(HttpRequest request, string name)
    {
        foreach (var pair in request.Query)
        {
            if (string.Equals(pair.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return pair.Value.ToString();
            }
        }

        return null;
    }
}
