using System.Security.Claims;
using Roster.Scim.Errors;
using Roster.Server.Authentication;

namespace Roster.Server.Scim.Http;

/// <summary>
/// On <c>/scim/v2/{orgId}/...</c>, the org ID in the path must be the credential's own tenant.
/// A token of tenant A sent to tenant B's URL is refused as unauthorised, with nothing that
/// tells whether tenant B exists.
/// </summary>
public sealed class TenantRouteFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (http.Request.RouteValues.TryGetValue("orgId", out var routeOrg) && routeOrg is not null)
        {
            var tenant = http.User.FindFirstValue(ScimBearerDefaults.TenantClaim);
            if (!Guid.TryParse(routeOrg.ToString(), out var orgId) || tenant is null || Guid.Parse(tenant) != orgId)
            {
                http.Response.Headers.WWWAuthenticate = "Bearer realm=\"Roster SCIM\", error=\"invalid_token\"";
                return new ScimErrorResult(ScimError.Unauthorized("The token is not valid for the organization in this URL."));
            }
        }

        return await next(context);
    }
}
