using Roster.Server.Admin.AccessKeys;
using Roster.Server.Admin.Apps;
using Roster.Server.Admin.Audit;
using Roster.Server.Admin.Authentication;
using Roster.Server.Admin.Domains;
using Roster.Server.Admin.Employees;
using Roster.Server.Admin.Events;
using Roster.Server.Admin.Http;
using Roster.Server.Admin.Organization;
using Roster.Server.Admin.Provisioning;
using Roster.Server.Admin.RoleRules;
using Roster.Server.Admin.Roles;
using Roster.Server.Admin.SchemaExtensions;
using Roster.Server.Admin.Sso;
using Roster.Server.Admin.Tokens;
using Roster.Server.Admin.Webhooks;

namespace Roster.Server.Admin;

/// <summary>
/// The admin REST API under <c>/api/v1/orgs/{orgId}</c>: JSON in and out (every state-changing
/// request declares a JSON body, <see cref="JsonRequests"/>), errors as RFC 7807 ProblemDetails,
/// every request signed in as an employee of that organization. There is no
/// catch-all route: routing's own 404, 405 and 415 get their ProblemDetails body from
/// <see cref="AdminStatusCodePages"/>, so a wrong method or media type is not reported as a missing path.
/// </summary>
public static class AdminRoutes
{
    public static void MapAdmin(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var org = app.MapGroup(AdminPaths.Org)
            .RequireAuthorization(AdminBasicDefaults.Policy)
            .RequireJsonForChanges()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status400BadRequest);
        org.MapOrganizationEndpoints();
        org.MapRoleEndpoints();
        org.MapRoleRuleEndpoints();
        org.MapScimSettingsEndpoints();
        org.MapSchemaExtensionEndpoints();
        org.MapDomainEndpoints();
        org.MapSsoConnectionEndpoints();
        org.MapSsoSettingsEndpoints();
        org.MapAuditEndpoints();
        org.MapEmployeeEndpoints();
        org.MapScimTokenEndpoints();
        org.MapAccessKeyEndpoints();
        org.MapAppEndpoints();
        org.MapEventEndpoints();
        org.MapWebhookEndpoints();
        app.MapActivationEndpoints();
    }
}
