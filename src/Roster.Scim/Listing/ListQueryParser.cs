using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Roster.Scim.Errors;
using Roster.Scim.Filtering;
using Roster.Scim.Projection;
using Roster.Scim.Schemas;

namespace Roster.Scim.Listing;

/// <summary>
/// Reads the parameters of a list or search request (RFC 7644 sections 3.4.2 and 3.4.3, RFC
/// 9865 cursors) from a query string or a <c>SearchRequest</c> body into a
/// <see cref="ListRequest"/>. Parameter names ignore case; unknown parameters are ignored.
/// </summary>
public static class ListQueryParser
{
    private const string Filter = "filter";
    private const string SortBy = "sortBy";
    private const string SortOrderName = "sortOrder";
    private const string StartIndex = "startIndex";
    private const string Count = "count";
    private const string Cursor = "cursor";
    private const string Attributes = "attributes";
    private const string ExcludedAttributes = "excludedAttributes";
    private const string Schemas = "schemas";

    private static readonly string[] ScalarNames = [Filter, SortBy, SortOrderName, StartIndex, Count, Cursor];

    /// <summary>
    /// Parses query-string parameters, one pair per occurrence. A parameter present with an
    /// empty value counts as absent, except <c>cursor</c>, which then starts a cursor walk.
    /// </summary>
    public static ScimResult<ListRequest> Parse(IEnumerable<KeyValuePair<string, string?>> queryParameters, ListLimits limits)
    {
        ArgumentNullException.ThrowIfNull(queryParameters);
        ArgumentNullException.ThrowIfNull(limits);
        var parameters = new ListParameters();
        foreach (var (key, value) in queryParameters)
        {
            // Unknown names are ignored: Entra ID's requests carry aadOptscim062020 when an admin
            // appends that flag to the tenant URL to opt in to its SCIM-compliance fixes
            // (Microsoft Learn, "Known issues and resolutions with SCIM 2.0 protocol compliance").
            var name = CanonicalName(key);
            if (name is Attributes or ExcludedAttributes)
            {
                parameters.ListFor(name).AddRange(AttributeProjection.SplitList(value));
            }
            else if (name is not null && parameters.TrySetScalar(name, value) is { } duplicate)
            {
                return duplicate;
            }
        }

        return Build(parameters, limits);
    }

    /// <summary>
    /// Parses the body of <c>POST /.search</c>. <c>schemas</c>, when present, must list
    /// <c>urn:ietf:params:scim:api:messages:2.0:SearchRequest</c>; its absence is tolerated.
    /// <c>attributes</c> and <c>excludedAttributes</c> may be arrays or comma-separated strings;
    /// <c>startIndex</c> and <c>count</c> may be numbers or numeric strings.
    /// </summary>
    public static ScimResult<ListRequest> ParseSearchRequest(JsonNode? body, ListLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (body is not JsonObject request)
        {
            return ScimError.InvalidSyntax("A SearchRequest body must be a JSON object.");
        }

        var parameters = new ListParameters();
        foreach (var (key, value) in request)
        {
            var name = string.Equals(key, Schemas, StringComparison.OrdinalIgnoreCase) ? Schemas : CanonicalName(key);
            var error = name switch
            {
                null => null,
                Schemas => CheckSchemas(value),
                Attributes or ExcludedAttributes => ReadList(value, parameters.ListFor(name), name),
                _ => ReadScalar(value, name, out var text) ?? (value is null ? null : parameters.TrySetScalar(name, text)),
            };
            if (error is not null)
            {
                return error;
            }
        }

        return Build(parameters, limits);
    }

    private static ScimResult<ListRequest> Build(ListParameters parameters, ListLimits limits)
    {
        FilterNode? filter = null;
        if (parameters.Scalar(Filter) is { } filterText && !string.IsNullOrWhiteSpace(filterText))
        {
            var parsed = FilterParser.Parse(filterText, limits.Filter);
            if (!parsed.IsSuccess)
            {
                return parsed.Error;
            }

            filter = parsed.Value;
        }

        AttributePath? sortBy = null;
        if (parameters.Scalar(SortBy) is { } sortByText && !string.IsNullOrWhiteSpace(sortByText))
        {
            var parsed = AttributePathParser.Parse(sortByText);
            if (!parsed.IsSuccess)
            {
                return ScimError.InvalidValue($"sortBy: {parsed.Error.Detail}");
            }

            sortBy = parsed.Value;
        }

        var sortOrder = SortOrder.Ascending;
        if (parameters.Scalar(SortOrderName) is { } sortOrderText && !string.IsNullOrWhiteSpace(sortOrderText))
        {
            var trimmed = sortOrderText.Trim();
            if (string.Equals(trimmed, "descending", StringComparison.OrdinalIgnoreCase))
            {
                sortOrder = SortOrder.Descending;
            }
            else if (!string.Equals(trimmed, "ascending", StringComparison.OrdinalIgnoreCase))
            {
                return ScimError.InvalidValue($"sortOrder must be 'ascending' or 'descending', not '{FilterSyntaxErrors.Shorten(trimmed)}'.");
            }
        }

        var startIndexText = parameters.Scalar(StartIndex);
        if (!TryReadInteger(startIndexText, StartIndex, out var startIndex, out var startIndexError))
        {
            return startIndexError;
        }

        if (!TryReadInteger(parameters.Scalar(Count), Count, out var count, out var countError))
        {
            return countError;
        }

        var cursor = parameters.HasScalar(Cursor) ? parameters.Scalar(Cursor) ?? "" : null;
        if (cursor is not null && !string.IsNullOrWhiteSpace(startIndexText))
        {
            return ScimError.InvalidValue("cursor and startIndex cannot be used together: page with one or the other (RFC 9865).");
        }

        var projection = AttributeProjection.Create(parameters.ListFor(Attributes), parameters.ListFor(ExcludedAttributes));
        if (!projection.IsSuccess)
        {
            return projection.Error;
        }

        var query = new ListQuery
        {
            Filter = filter,
            SortBy = sortBy,
            SortOrder = sortOrder,
            // RFC 7644 section 3.4.2.4: a startIndex below 1 is read as 1, a negative count as 0.
            StartIndex = (int)Math.Clamp(startIndex ?? 1, 1, int.MaxValue),
            Count = (int)Math.Clamp(count ?? limits.DefaultCount, 0, Math.Max(0, limits.MaxCount)),
            Cursor = cursor,
            IncludeMembers = projection.Value.Names("members"),
            IncludeGroups = projection.Value.MayReturn("groups"),
        };
        return new ListRequest(query, projection.Value);
    }

    /// <summary>
    /// Reads an integer parameter; null when absent or empty. Integers too large for a long are
    /// clamped by the caller like any other large value, so only non-integers are errors.
    /// </summary>
    private static bool TryReadInteger(string? text, string name, out long? value, [NotNullWhen(false)] out ScimError? error)
    {
        value = null;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var trimmed = text.Trim();
        var digits = trimmed.TrimStart('+', '-');
        var isInteger = digits.Length > 0 && trimmed.Length - digits.Length <= 1 && digits.All(char.IsAsciiDigit);
        if (!isInteger)
        {
            error = ScimError.InvalidValue($"{name} must be an integer, not '{FilterSyntaxErrors.Shorten(trimmed)}'.");
            return false;
        }

        value = long.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : trimmed.StartsWith('-') ? long.MinValue : long.MaxValue;
        return true;
    }

    private static string? CanonicalName(string key)
    {
        foreach (var name in ScalarNames)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return name;
            }
        }

        return string.Equals(key, Attributes, StringComparison.OrdinalIgnoreCase) ? Attributes
            : string.Equals(key, ExcludedAttributes, StringComparison.OrdinalIgnoreCase) ? ExcludedAttributes
            : null;
    }

    private static ScimError? CheckSchemas(JsonNode? value)
    {
        var listed = value switch
        {
            null => true,
            JsonArray array => array.Any(IsSearchRequestUrn),
            _ => IsSearchRequestUrn(value),
        };
        return listed ? null : ScimError.InvalidSyntax($"schemas must contain {SchemaUris.SearchRequest}.");

        static bool IsSearchRequestUrn(JsonNode? node) =>
            node is JsonValue v
            && v.GetValueKind() == JsonValueKind.String
            && string.Equals(ScimJson.AsText(v), SchemaUris.SearchRequest, StringComparison.OrdinalIgnoreCase);
    }

    private static ScimError? ReadList(JsonNode? value, List<string> target, string name)
    {
        // Not "value is JsonArray a ? a : [value]": that collection expression would be a new
        // JsonArray and adopting value (which has a parent) throws.
        IEnumerable<JsonNode?> items = value is JsonArray array ? array : new[] { value };
        foreach (var item in items)
        {
            switch (item)
            {
                case null:
                    continue;
                case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                    target.AddRange(AttributeProjection.SplitList(ScimJson.AsText(v)));
                    break;
                default:
                    return ScimError.InvalidValue($"{name} must be an array of attribute names or a comma-separated string.");
            }
        }

        return null;
    }

    private static ScimError? ReadScalar(JsonNode? value, string name, out string? text)
    {
        text = null;
        switch (value)
        {
            case null:
                return null;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                text = ScimJson.AsText(v);
                return null;
            case JsonValue v when v.GetValueKind() == JsonValueKind.Number && name is StartIndex or Count:
                text = v.ToJsonString();
                return null;
            default:
                return ScimError.InvalidValue(name is StartIndex or Count ? $"{name} must be an integer." : $"{name} must be a string.");
        }
    }

    /// <summary>The raw values gathered from a query string or a body, before validation.</summary>
    private sealed class ListParameters
    {
        private readonly Dictionary<string, string?> scalars = new(StringComparer.Ordinal);
        private readonly List<string> attributes = [];
        private readonly List<string> excludedAttributes = [];

        public List<string> ListFor(string name) => name == Attributes ? attributes : excludedAttributes;

        public bool HasScalar(string name) => scalars.ContainsKey(name);

        public string? Scalar(string name) => scalars.GetValueOrDefault(name);

        /// <summary>Records a value; a second value for the same parameter is an error.</summary>
        public ScimError? TrySetScalar(string name, string? value) =>
            scalars.TryAdd(name, value) ? null : ScimError.InvalidValue($"The {name} parameter is given more than once.");
    }
}
