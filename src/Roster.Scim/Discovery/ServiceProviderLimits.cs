namespace Roster.Scim.Discovery;

/// <summary>
/// Limits of the service provider that RFC 7643's <c>ServiceProviderConfig</c> has no attribute
/// for, advertised in it as an extension (<see cref="SchemaUri"/>) so a client can read them
/// instead of meeting them: the size of a filter, the time a query may run, the values a
/// multi-valued attribute may hold, and the group members one list page carries.
/// </summary>
public sealed record ServiceProviderLimits
{
    /// <summary>The extension's schema URN, listed in the document's <c>schemas</c>.</summary>
    public const string SchemaUri = "urn:roster:params:scim:schemas:extension:limits:2.0:ServiceProviderConfig";

    /// <summary>The longest filter, in characters.</summary>
    public required int MaxFilterLength { get; init; }

    /// <summary>How deeply a filter's parentheses and brackets may nest.</summary>
    public required int MaxFilterDepth { get; init; }

    /// <summary>How many terms (comparisons and <c>pr</c> tests) a filter may hold.</summary>
    public required int MaxFilterTerms { get; init; }

    /// <summary>How long each statement of a list or search may run, in milliseconds.</summary>
    public required int QueryTimeoutMilliseconds { get; init; }

    /// <summary>The most values a multi-valued attribute of a user may hold.</summary>
    public required int MaxValuesPerAttribute { get; init; }

    /// <summary>The most group members one list or search page returns.</summary>
    public required int MaxMembersPerPage { get; init; }
}
