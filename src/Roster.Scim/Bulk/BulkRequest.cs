namespace Roster.Scim.Bulk;

/// <summary>A parsed BulkRequest (RFC 7644 section 3.7).</summary>
/// <param name="FailOnErrors">How many errors end the request (the rest is not performed); null for no limit.</param>
/// <param name="Operations">The operations, in request order.</param>
public sealed record BulkRequest(int? FailOnErrors, IReadOnlyList<BulkOperation> Operations);
