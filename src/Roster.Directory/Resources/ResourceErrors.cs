using Roster.Scim.Errors;

namespace Roster.Directory.Resources;

/// <summary>The directory's SCIM errors whose wording the HTTP layer and tests rely on.</summary>
internal static class ResourceErrors
{
    public static ScimError NotFound(string resourceType, string id) =>
        ScimError.NotFound($"{resourceType} \"{id}\" not found.");

    public static ScimError VersionMismatch(string resourceType, string id, long expected, long actual) =>
        ScimError.PreconditionFailed(
            $"{resourceType} \"{id}\" is at version {ResourceVersion.ToETag(actual)}, not {ResourceVersion.ToETag(expected)}: it changed since it was read. Read it again and retry.");

    /// <summary>
    /// A write computed outside the write gate found the resource changed by others each time it
    /// came to store it. Nothing was changed; the client sends it again.
    /// </summary>
    public static ScimError ChangedMeanwhile(string resourceType, string id, int attempts) =>
        ScimError.Conflict(string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"{resourceType} \"{id}\" was changed by other requests {attempts} times while this one was applied to it; nothing was changed. Send the request again."));

    /// <summary>
    /// A list or search stopped at its time budget. RFC 7644 has no error type for a query that
    /// costs too much; <c>tooMany</c> ("more results than the server is willing to calculate or
    /// process") is the nearest, and a 400 tells an IdP not to send the same query again, where a
    /// 5xx would have it retried.
    /// </summary>
    public static ScimError QueryTimedOut(TimeSpan budget) =>
        ScimError.TooMany(
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"The query ran longer than the {budget.TotalMilliseconds:N0} ms this server gives one query, and was stopped. ") +
            "Narrow the filter: eq on id, userName, externalId, displayName, emails.value or members.value is an index lookup, while co, sw, ew, pr, " +
            "comparisons of other attributes and long chains of terms test every resource of the tenant.");

    /// <summary>Null when <paramref name="expected"/> is absent or equal to <paramref name="actual"/>.</summary>
    public static ScimError? CheckVersion(string resourceType, string id, long? expected, long actual) =>
        expected is { } want && want != actual ? VersionMismatch(resourceType, id, want, actual) : null;
}
