using Roster.Directory.SchemaExtensions;
using Roster.Server.Authentication;

namespace Roster.Server.Scim.Http;

/// <summary>
/// Reads the tenant's schemas (its own extensions beside Roster's) once per SCIM request, after
/// <see cref="TenantRouteFilter"/> has checked the tenant, for <see cref="ScimCallerAccessor"/> to
/// hand to the use cases and the discovery endpoints.
/// </summary>
public sealed class TenantSchemasFilter(ReadTenantSchemas read) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (Guid.TryParse(http.User.FindFirst(ScimBearerDefaults.TenantClaim)?.Value, out var tenantId))
        {
            http.Items[typeof(TenantSchemas)] = await read.ExecuteAsync(tenantId, http.RequestAborted);
        }

        return await next(context);
    }
}
