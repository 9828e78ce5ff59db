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

    /// <summary>RFC 7643 section 5 <c>patch.supported</c>: the service provider accepts PATCH (RFC 7644 section 3.5.2).</summary>
    public bool PatchSupported { get; init; } = true;

    /// <summary>RFC 7643 section 5 <c>bulk.supported</c>: the service provider accepts POST /Bulk (RFC 7644 section 3.7).</summary>
    public bool BulkSupported { get; init; }

    /// <summary>Most operations in one bulk request.</summary>
    public int BulkMaxOperations { get; init; } = 1000;

    /// <summary>Largest bulk request body, in bytes.</summary>
    public int BulkMaxPayloadSize { get; init; } = 1_048_576;

    /// <summary>RFC 7643 section 5 <c>filter.supported</c>: list and search requests accept <c>filter</c> (RFC 7644 section 3.4.2.2).</summary>
    public bool FilterSupported { get; init; } = true;

    /// <summary>Most resources one list or search response returns.</summary>
    public int FilterMaxResults { get; init; } = 1000;

    /// <summary>RFC 7643 section 5 <c>changePassword.supported</c>: clients may set a user's <c>password</c>.</summary>
    public bool ChangePasswordSupported { get; init; }

    /// <summary>RFC 7643 section 5 <c>sort.supported</c>: list and search requests accept <c>sortBy</c> and <c>sortOrder</c> (RFC 7644 section 3.4.2.3).</summary>
    public bool SortSupported { get; init; } = true;

    /// <summary>RFC 7643 section 5 <c>etag.supported</c>: resources carry <c>meta.version</c> and writes honour <c>If-Match</c> (RFC 7644 section 3.14).</summary>
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

    /// <summary>RFC 7643 section 5 <c>authenticationSchemes</c>: how clients authenticate; by default an OAuth bearer token.</summary>
    public IReadOnlyList<AuthenticationSchemeDescription> AuthenticationSchemes { get; init; } =
        [AuthenticationSchemeDescription.OAuthBearerToken];
}
