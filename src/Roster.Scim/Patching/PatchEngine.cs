using System.Globalization;
using System.Text.Json.Nodes;

using Roster.Scim.Errors;
using Roster.Scim.Filtering;
using Roster.Scim.Resources;
using Roster.Scim.Schemas;

namespace Roster.Scim.Patching;

/// <summary>
/// Applies the operations of a SCIM PATCH request (RFC 7644 section 3.5.2) to a resource
/// document, atomically: the operations run in order on a deep copy, and the first failure
/// discards them all. The result carries the schema's attribute spelling and a fresh
/// <c>schemas</c> list, and still has every required attribute. The IdP deviations it accepts are commented where they are handled.
/// </summary>
public static class PatchEngine
{
    /// <summary>The patched copy of <paramref name="resource"/>, or the error of the first operation that failed.</summary>
    /// <param name="resource">The stored resource; it is not modified.</param>
    /// <param name="operations">The operations, as read by <see cref="PatchRequestReader"/>.</param>
    /// <param name="resourceType">The resource's type, whose schemas define its attributes.</param>
    public static ScimResult<JsonObject> Apply(JsonObject resource, IReadOnlyList<PatchOperation> operations, ResourceTypeDefinition resourceType)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(operations);
        ArgumentNullException.ThrowIfNull(resourceType);

        var copy = (JsonObject)resource.DeepClone();
        var patcher = new ResourcePatcher(copy, resourceType);
        for (var i = 0; i < operations.Count; i++)
        {
            try
            {
                patcher.Apply(operations[i]);
            }
            catch (ScimException e)
            {
                var number = (i + 1).ToString(CultureInfo.InvariantCulture);
                return e.Error with { Detail = $"Operation {number} ({operations[i].Type.ToString().ToLowerInvariant()} {(operations[i].Path is { } path ? FilterSyntaxErrors.Shorten(path.ToString()) : "without a path")}): {e.Error.Detail}" };
            }
        }

        try
        {
            // RFC 7644 section 3.5.2: each operation must leave the resource compatible with its
            // schema, so a PATCH cannot remove userName (or a Group's displayName), even with the
            // "" that Entra ID sends to clear a value.
            RequiredAttributes.Check(copy, resourceType, "after the PATCH");
        }
        catch (ScimException e)
        {
            return e.Error;
        }

        ResourceSchemas.Refresh(copy, resourceType);
        return copy;
    }
}
