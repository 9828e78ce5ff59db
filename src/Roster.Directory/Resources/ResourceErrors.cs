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

    /// <summary>Null when <paramref name="expected"/> is absent or equal to <paramref name="actual"/>.</summary>
    public static ScimError? CheckVersion(string resourceType, string id, long? expected, long actual) =>
        expected is { } want && want != actual ? VersionMismatch(resourceType, id, want, actual) : null;
}
