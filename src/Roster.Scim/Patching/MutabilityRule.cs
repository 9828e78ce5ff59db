using System.Text.Json.Nodes;

using Roster.Scim.Errors;
using Roster.Scim.Schemas;

namespace Roster.Scim.Patching;

/// <summary>The <c>immutable</c> characteristic (RFC 7643 section 7): set once, never changed after.</summary>
internal static class MutabilityRule
{
    /// <summary>Throws 400 <c>mutability</c> when an immutable attribute with a value would get another (or none).</summary>
    public static void EnsureChangeable(AttributeDefinition attribute, JsonNode? existing, JsonNode? replacement, string path)
    {
        if (attribute.Mutability == Mutability.Immutable && existing is not null && !JsonNode.DeepEquals(existing, replacement))
        {
            throw new ScimException(ScimError.Mutability($"'{path}' is immutable: it cannot be changed or removed once set."));
        }
    }

    /// <summary>The error for a PATCH path that names a read-only attribute.</summary>
    public static ScimException ReadOnly(string path) =>
        new(ScimError.Mutability($"'{path}' is read-only: the service provider sets it."));
}
