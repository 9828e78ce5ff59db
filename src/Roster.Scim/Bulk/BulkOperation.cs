using System.Text.Json.Nodes;
using Roster.Scim.Errors;

namespace Roster.Scim.Bulk;

/// <summary>One element of a BulkRequest's <c>Operations</c> (RFC 7644 section 3.7).</summary>
/// <param name="Index">Its place in the request, from 0.</param>
/// <param name="Method">POST, PUT, PATCH or DELETE, upper case.</param>
/// <param name="BulkId">The client's transient id of the resource a POST creates.</param>
/// <param name="Version">The ETag the resource must have (as <c>If-Match</c>).</param>
/// <param name="Path">The resource type endpoint (POST) or the resource (the others), e.g. <c>/Users/{id}</c>.</param>
/// <param name="Data">The body of a POST, PUT or PATCH.</param>
/// <param name="Invalid">Why the operation cannot run as written; it is answered with this error alone.</param>
public sealed record BulkOperation(int Index, string Method, string? BulkId, string? Version, string Path, JsonObject? Data, ScimError? Invalid = null)
{
    /// <summary>The bulkIds this operation refers to, in its path and data (<c>bulkId:xyz</c>).</summary>
    public IReadOnlySet<string> References { get; init; } = new HashSet<string>(StringComparer.Ordinal);
}
