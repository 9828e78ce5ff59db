using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Roster.Directory.Provisioning;
using Roster.Scim.Discovery;
using Roster.Scim.Errors;
using Roster.Scim.Schemas;
using Roster.Server.Hosting;
using Roster.Server.Scim.Http;

namespace Roster.Server.Scim.Endpoints;

/// <summary>/ServiceProviderConfig, /ResourceTypes and /Schemas (RFC 7644 section 4).</summary>
public static class DiscoveryEndpoints
{
    public static void MapDiscoveryEndpoints(this RouteGroupBuilder scim)
    {
        ArgumentNullException.ThrowIfNull(scim);
        scim.MapGet("/ServiceProviderConfig", ServiceProviderConfig);
        // The tenant's own extensions are listed beside Roster's (TenantSchemasFilter read them).
        scim.MapGet("/ResourceTypes", (HttpContext c, ScimUrls urls) =>
            List(c, c.GetTenantSchemas().All.Select(t => ResourceTypeDocumentWriter.Write(t, urls.ScimBase(c.Request)))));
        scim.MapGet("/ResourceTypes/{name}", (HttpContext c, string name, ScimUrls urls) =>
            c.GetTenantSchemas().Find(name) is { } type
                ? new ScimJsonResult(ResourceTypeDocumentWriter.Write(type, urls.ScimBase(c.Request)))
                : (IResult)new ScimErrorResult(ScimError.NotFound($"There is no resource type '{name}'; this server has User and Group.")));
        scim.MapGet("/Schemas", (HttpContext c, ScimUrls urls) =>
            List(c, c.GetTenantSchemas().Schemas.Select(s => SchemaDocumentWriter.Write(s, urls.ScimBase(c.Request)))));
        scim.MapGet("/Schemas/{id}", (HttpContext c, string id, ScimUrls urls) =>
            c.GetTenantSchemas().Schemas.FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.OrdinalIgnoreCase)) is { } schema
                ? new ScimJsonResult(SchemaDocumentWriter.Write(schema, urls.ScimBase(c.Request)))
                : (IResult)new ScimErrorResult(ScimError.NotFound($"There is no schema '{id}' on this server; GET /Schemas lists them.")));
    }

    private static async Task<ScimJsonResult> ServiceProviderConfig(HttpContext context, IOptions<RequestLimitsOptions> options, GetScimSettings scimSettings, ScimUrls urls)
    {
        ArgumentNullException.ThrowIfNull(urls);
        var settings = options.Value;
        var tenant = await scimSettings.ExecuteAsync(context.GetScimCaller().TenantId, context.RequestAborted);
        var config = new ServiceProviderConfigOptions
        {
            // The limits POST /Bulk enforces: its body is bounded like every request's.
            BulkSupported = true,
            BulkMaxOperations = settings.MaxBulkOperations,
            BulkMaxPayloadSize = settings.MaxRequestBodyBytes,
            FilterMaxResults = settings.MaxPageSize,
            DefaultPageSize = settings.DefaultPageSize,

            // RFC 9865's pagination object is not in RFC 7643's schema: a client library that
            // validates the document strictly refuses it and stops. A tenant whose client does so
            // turns the advert off; cursor paging keeps working for clients that know it.
            AdvertisePagination = tenant.AdvertiseCursorPaging,
            MaxPageSize = settings.MaxPageSize,
            Limits = new ServiceProviderLimits
            {
                MaxFilterLength = settings.MaxFilterLength,
                MaxFilterDepth = settings.MaxFilterDepth,
                MaxFilterTerms = settings.MaxFilterTerms,
                QueryTimeoutMilliseconds = settings.QueryTimeoutMilliseconds,
                MaxValuesPerAttribute = settings.MaxValuesPerAttribute,
                MaxMembersPerPage = settings.MaxMembersPerPage,
            },
        };
        return new ScimJsonResult(ServiceProviderConfigDocument.Write(config, urls.ScimBase(context.Request)));
    }

    /// <summary>
    /// Discovery lists take no filter: RFC 7644 section 4 says to refuse one with 403 so a client
    /// never believes a filter was applied.
    /// </summary>
    private static IResult List(HttpContext context, IEnumerable<JsonObject> resources)
    {
        if (context.Request.Query.ContainsKey("filter"))
        {
            return new ScimErrorResult(ScimError.Forbidden("Filtering is not supported on discovery endpoints."));
        }

        var array = new JsonArray();
        foreach (var resource in resources)
        {
            array.Add(resource);
        }

        return new ScimJsonResult(new JsonObject
        {
            ["schemas"] = new JsonArray(SchemaUris.ListResponse),
            ["totalResults"] = array.Count,
            ["itemsPerPage"] = array.Count,
            ["startIndex"] = 1,
            ["Resources"] = array,
        });
    }
}
