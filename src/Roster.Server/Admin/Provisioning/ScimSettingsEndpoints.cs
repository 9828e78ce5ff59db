using Microsoft.AspNetCore.Http.HttpResults;
using Roster.Directory.Provisioning;
using Roster.Directory.Roles;
using Roster.Server.Admin.Authentication;
using Roster.Server.Admin.Http;
using Roster.Server.Deployment;

namespace Roster.Server.Admin.Provisioning;

/// <summary><c>GET/PUT /api/v1/orgs/{orgId}/scim-settings</c>; both need <c>scim.manage</c>.</summary>
public static class ScimSettingsEndpoints
{
    public static void MapScimSettingsEndpoints(this RouteGroupBuilder org)
    {
        ArgumentNullException.ThrowIfNull(org);
        var settings = org.MapGroup("/scim-settings").WithTags("SCIM settings");
        settings.MapGet("", GetAsync).RequirePermission(Permission.ScimManage.Key)
            .WithSummary("The SCIM settings, the connection status and the base connector URL.");
        settings.MapPut("", PutAsync).RequirePermission(Permission.ScimManage.Key)
            .WithSummary("Save every SCIM setting at once: enabled, default and required roles, userName, name and verified-domain policies (enforceVerifiedDomains may be left out to keep it).");
    }

    private static async Task<Ok<ScimSettingsDocument>> GetAsync(
        Guid orgId, HttpRequest request, GetScimSettings get, DeploymentUrls urls, CancellationToken cancellationToken)
    {
        var settings = await get.ExecuteAsync(orgId, cancellationToken);
        return TypedResults.Ok(ScimSettingsDocument.From(settings, urls.ConnectorUrl(request, orgId)));
    }

    private static async Task<Results<Ok<ScimSettingsDocument>, ProblemHttpResult>> PutAsync(
        Guid orgId, HttpContext context, ScimSettingsRequest body, UpdateScimSettings update, DeploymentUrls urls, CancellationToken cancellationToken)
    {
        var missing = new Dictionary<string, bool?>
        {
            ["enabled"] = body.Enabled,
            ["userNameMustBePrimaryEmail"] = body.UserNameMustBePrimaryEmail,
            ["namesNotUpdatable"] = body.NamesNotUpdatable,
        }.Where(p => p.Value is null).Select(p => p.Key).ToList();
        if (missing.Count > 0)
        {
            return AdminProblems.Validation(missing[0], $"'{missing[0]}' is required: PUT saves every setting at once (true or false).");
        }

        UnknownRolePolicy? unknownRoles = null;
        if (body.UnknownRoles is not null && (unknownRoles = UnknownRolePolicies.Parse(body.UnknownRoles)) is null)
        {
            return AdminProblems.Validation("unknownRoles", $"'{body.UnknownRoles}' is not a policy; use {UnknownRolePolicies.Refuse}, {UnknownRolePolicies.Ignore} or {UnknownRolePolicies.DefaultRole}.");
        }

        var result = await update.ExecuteAsync(
            context.GetAdminActor(),
            new ScimSettingsUpdate(body.Enabled!.Value, body.DefaultRoleId, body.RequiredRoleId, body.UserNameMustBePrimaryEmail!.Value, body.NamesNotUpdatable!.Value, body.EnforceVerifiedDomains, body.TokenMaxDays,
                unknownRoles, body.ManualRoleGrants, body.NamesRequired, body.IdentifiersNotUpdatable, body.AdvertiseCursorPaging),
            cancellationToken);
        if (!result.IsSuccess)
        {
            return AdminProblems.From(result.Error);
        }

        return TypedResults.Ok(ScimSettingsDocument.From(result.Value, urls.ConnectorUrl(context.Request, orgId)));
    }
}
