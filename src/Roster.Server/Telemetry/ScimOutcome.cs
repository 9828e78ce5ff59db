namespace Roster.Server.Telemetry;

/// <summary>
/// How a SCIM request ended, as a metric label: <c>success</c>, <c>not_modified</c>, the error's
/// <c>scimType</c> when it is one of RFC 7644's (§3.12), else <c>status_</c> and the status code.
/// The SCIM error writer records the scimType on the request.
/// </summary>
public static class ScimOutcome
{
    public const string Tag = "roster.scim.outcome";

    private static readonly object ScimTypeKey = new();

    private static readonly HashSet<string> RfcScimTypes = new(StringComparer.Ordinal)
    {
        "invalidFilter", "tooMany", "uniqueness", "mutability", "invalidSyntax", "invalidPath", "noTarget", "invalidValue", "invalidVers", "sensitive",
    };

    public static void Record(HttpContext context, string? scimType)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Items[ScimTypeKey] = scimType;
    }

    public static string Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var status = context.Response.StatusCode;
        if (status is >= 200 and < 300)
        {
            return "success";
        }

        if (status == StatusCodes.Status304NotModified)
        {
            return "not_modified";
        }

        return context.Items.TryGetValue(ScimTypeKey, out var type) && type is string scimType && RfcScimTypes.Contains(scimType)
            ? scimType
            : "status_" + status.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
