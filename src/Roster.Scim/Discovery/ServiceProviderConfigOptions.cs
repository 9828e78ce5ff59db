namespace Roster.Scim.Discovery;

/// <summary>
/// What the service provider configuration advertises (RFC 7643 section 5, and RFC 9865 for
/// cursor paging). The defaults describe Roster today: PATCH, filters, sorting, ETags and both
/// paging methods supported; bulk and password change not yet.
/// </summary>
public sealed record ServiceProviderConfigOptions
{
    /// <summary>Human-readable help about the service provider, if any.</summary>
    public Uri? DocumentationUri { get; init; }

    public bool PatchSupported { get; init; } = true;

    public bool BulkSupported { get; init; }

    /// <summary>Most operations in one bulk request.</summary>
    public int BulkMaxOperations { get; init; } = 1000;

    /// <summary>Largest bulk request body, in bytes.</summary>
    public int BulkMaxPayloadSize { get; init; } = 1_048_576;

    public bool FilterSupported { get; init; } = true;

    /// <summary>Most resources one list or search response returns.</summary>
    public int FilterMaxResults { get; init; } = 1000;

    public bool ChangePasswordSupported { get; init; }

    public bool SortSupported { get; init; } = true;

    public bool EtagSupported { get; init; } = true;

    /// <summary>
    /// Whether the document carries RFC 9865's <c>pagination</c> object, which RFC 7643's schema
    /// does not know: off for a client that validates against RFC 7643 alone.
    /// </summary>
    public bool AdvertisePagination { get; init; } = true;

    /// <summary>RFC 9865 <c>pagination.cursor</c>.</summary>
    public bool CursorPaginationSupported { get; init; } = true;

    /// <summary>RFC 9865 <c>pagination.index</c>.</summary>
    public bool IndexPaginationSupported { get; init; } = true;

    /// <summary>RFC 9865 <c>pagination.defaultPaginationMethod</c>: <c>index</c> or <c>cursor</c>.</summary>
    public string DefaultPaginationMethod { get; init; } = "index";

    /// <summary>Page size when the client sends no <c>count</c>.</summary>
    public int DefaultPageSize { get; init; } = 100;

    /// <summary>Largest page a client may ask for.</summary>
    public int MaxPageSize { get; init; } = 1000;

    /// <summary>How long a cursor stays valid, in seconds.</summary>
    public int CursorTimeoutSeconds { get; init; } = 3600;

    /// <summary>The limits RFC 7643 has no attribute for, written as an extension; none when null.</summary>
    public ServiceProviderLimits? Limits { get; init; }

    public IReadOnlyList<AuthenticationSchemeDescription> AuthenticationSchemes { get; init; } =
        [AuthenticationSchemeDescription.OAuthBearerToken];
}
