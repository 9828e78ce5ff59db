using Roster.Scim.Errors;

namespace Roster.Scim.Patching;

/// <summary>Parses a PATCH <c>path</c> (RFC 7644 section 3.5.2) into a <see cref="PatchPath"/>.</summary>
public static class PatchPathParser
{
    /// <summary>Parses a path; an invalid one is a 400 <c>invalidPath</c> that says why.</summary>
    public static ScimResult<PatchPath> Parse(string text) =>
        ScimError.NotImplemented("PATCH paths are not implemented yet.");
}
