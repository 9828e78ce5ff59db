using System.ComponentModel.DataAnnotations;

namespace Roster.Server.Hosting;

/// <summary>
/// The size limits of one request (section <c>Roster:Limits</c>), each enforced in one place and
/// the SCIM ones advertised in <c>/ServiceProviderConfig</c>. The defaults are far above what
/// Okta or Entra ID send (a user is a few KB, a PATCH a few operations, a page 100 to 200
/// resources) and low enough that one request cannot take a node's memory or CPU.
/// </summary>
public sealed class RequestLimitsOptions
{
    public const string SectionName = "Roster:Limits";

    /// <summary>
    /// The largest request body, in bytes, on every endpoint (also Kestrel's limit, so a chunked
    /// body without Content-Length stops there too); advertised as <c>bulk.maxPayloadSize</c>. It
    /// also bounds a group PUT: 1 MiB holds about 20,000 members; larger groups change by PATCH.
    /// </summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>The page size when a list request gives no <c>count</c>.</summary>
    [Range(1, 10_000)]
    public int DefaultPageSize { get; set; } = 100;

    /// <summary>The largest page (a larger <c>count</c> is clamped to it); advertised as <c>filter.maxResults</c>.</summary>
    [Range(1, 10_000)]
    public int MaxPageSize { get; set; } = 1000;

    /// <summary>The most operations one PATCH request may carry.</summary>
    [Range(1, 100_000)]
    public int MaxPatchOperations { get; set; } = 1000;

    /// <summary>
    /// The most operations one POST /Bulk may carry; advertised as <c>bulk.maxOperations</c> (its
    /// body is bounded by <see cref="MaxRequestBodyBytes"/>, advertised as <c>bulk.maxPayloadSize</c>).
    /// </summary>
    [Range(1, 100_000)]
    public int MaxBulkOperations { get; set; } = 1000;

    /// <summary>The longest filter, in characters (a GET's is also bounded by <see cref="MaxRequestLineBytes"/>).</summary>
    [Range(100, 1_000_000)]
    public int MaxFilterLength { get; set; } = 10_000;

    /// <summary>How deeply a filter's parentheses, <c>not (...)</c> and brackets may nest.</summary>
    [Range(2, 1_000)]
    public int MaxFilterDepth { get; set; } = 64;

    /// <summary>
    /// How many terms (comparisons and <c>pr</c> tests, also inside brackets) a filter may hold;
    /// advertised in <c>/ServiceProviderConfig</c>.
    /// </summary>
    [Range(1, 10_000)]
    public int MaxFilterTerms { get; set; } = 500;

    /// <summary>
    /// How long, in milliseconds, each statement of a list or search (its page, its count) may run
    /// before the database stops it; the client gets a 400 <c>tooMany</c> that says to narrow the filter.
    /// </summary>
    [Range(10, 600_000)]
    public int QueryTimeoutMilliseconds { get; set; } = 2_000;

    /// <summary>
    /// The most values a write may leave in one multi-valued attribute of a user (<c>emails</c>,
    /// <c>phoneNumbers</c>, <c>addresses</c>, <c>roles</c>, ...); a group's members are rows and not counted.
    /// </summary>
    [Range(1, 100_000)]
    public int MaxValuesPerAttribute { get; set; } = 100;

    /// <summary>The most group members one list or search page returns when <c>attributes</c> asks for them.</summary>
    [Range(1, 1_000_000)]
    public int MaxMembersPerPage { get; set; } = 10_000;

    /// <summary>How deeply a SCIM JSON body may nest (a SCIM resource needs 4 levels).</summary>
    [Range(8, 1_000)]
    public int MaxJsonDepth { get; set; } = 64;

    /// <summary>Kestrel's limit on all request headers together, in bytes; over it is a 431.</summary>
    [Range(4096, 1024 * 1024)]
    public int MaxRequestHeadersTotalBytes { get; set; } = 32 * 1024;

    /// <summary>Kestrel's limit on the request line (method, path and query), in bytes; over it is a 414.</summary>
    [Range(1024, 1024 * 1024)]
    public int MaxRequestLineBytes { get; set; } = 8 * 1024;
}
