using System.Text.Json.Nodes;

using Roster.Scim.Schemas;

namespace Roster.Scim.Discovery;

/// <summary>
/// Renders <c>/ServiceProviderConfig</c> (RFC 7643 section 5) from
/// <see cref="ServiceProviderConfigOptions"/>, including the RFC 9865 <c>pagination</c> object
/// that advertises cursor paging, and Roster's own limits as an extension (<see cref="ServiceProviderLimits"/>).
/// </summary>
public static class ServiceProviderConfigDocument
{
    /// <summary>The configuration resource.</summary>
    /// <param name="options">What to advertise.</param>
    /// <param name="baseUrl">The SCIM base URL, e.g. <c>https://roster.example/scim/v2/{orgId}</c>.</param>
    public static JsonObject Write(ServiceProviderConfigOptions options, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(options);
        var json = new JsonObject { ["schemas"] = new JsonArray(SchemaUris.ServiceProviderConfig) };
        if (options.DocumentationUri is not null)
        {
            json["documentationUri"] = options.DocumentationUri.ToString();
        }

        json["patch"] = Supported(options.PatchSupported);
        json["bulk"] = new JsonObject
        {
            ["supported"] = options.BulkSupported,
            ["maxOperations"] = options.BulkMaxOperations,
            ["maxPayloadSize"] = options.BulkMaxPayloadSize,
        };
        json["filter"] = new JsonObject
        {
            ["supported"] = options.FilterSupported,
            ["maxResults"] = options.FilterMaxResults,
        };
        json["changePassword"] = Supported(options.ChangePasswordSupported);
        json["sort"] = Supported(options.SortSupported);
        json["etag"] = Supported(options.EtagSupported);
        if (options.AdvertisePagination)
        {
            json["pagination"] = new JsonObject
            {
                ["cursor"] = options.CursorPaginationSupported,
                ["index"] = options.IndexPaginationSupported,
                ["defaultPaginationMethod"] = options.DefaultPaginationMethod,
                ["defaultPageSize"] = options.DefaultPageSize,
                ["maxPageSize"] = options.MaxPageSize,
                ["cursorTimeout"] = options.CursorTimeoutSeconds,
            };
        }

        json["authenticationSchemes"] = new JsonArray([.. options.AuthenticationSchemes.Select(WriteScheme)]);
        if (options.Limits is { } limits)
        {
            json["schemas"]!.AsArray().Add(ServiceProviderLimits.SchemaUri);
            json[ServiceProviderLimits.SchemaUri] = new JsonObject
            {
                ["maxFilterLength"] = limits.MaxFilterLength,
                ["maxFilterDepth"] = limits.MaxFilterDepth,
                ["maxFilterTerms"] = limits.MaxFilterTerms,
                ["queryTimeoutMilliseconds"] = limits.QueryTimeoutMilliseconds,
                ["maxValuesPerAttribute"] = limits.MaxValuesPerAttribute,
                ["maxMembersPerPage"] = limits.MaxMembersPerPage,
            };
        }

        json["meta"] = new JsonObject
        {
            ["resourceType"] = "ServiceProviderConfig",
            ["location"] = DiscoveryLocation.Of(baseUrl, "ServiceProviderConfig"),
        };
        return json;
    }

    private static JsonObject Supported(bool supported) => new() { ["supported"] = supported };

    private static JsonObject WriteScheme(AuthenticationSchemeDescription scheme)
    {
        var json = new JsonObject
        {
            ["type"] = scheme.Type,
            ["name"] = scheme.Name,
            ["description"] = scheme.Description,
        };
        if (scheme.SpecUri is not null)
        {
            json["specUri"] = scheme.SpecUri.ToString();
        }

        if (scheme.DocumentationUri is not null)
        {
            json["documentationUri"] = scheme.DocumentationUri.ToString();
        }

        json["primary"] = scheme.Primary;
        return json;
    }
}
