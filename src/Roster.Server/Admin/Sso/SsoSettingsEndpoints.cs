using Microsoft.AspNetCore.Http.HttpResults;
using Roster.Directory.Roles;
using Roster.Directory.Sso;
using Roster.Server.Admin.Authentication;
using Roster.Server.Admin.Http;

namespace Roster.Server.Admin.Sso;

/// <summary>
/// The tenant's sign-in policy (<c>/api/v1/orgs/{orgId}/sso/settings</c>): "SSO only", the
/// break-glass administrators, "SCIM requires SSO only" and "administrators must use a second factor". Like the connections it is a login
/// setting, so both routes need <c>security.login.manage</c>; naming a break-glass administrator
/// also needs every permission that person holds (<see cref="UpdateSsoSettings"/>).
/// </summary>
public static class SsoSettingsEndpoints
{
    public static void MapSsoSettingsEndpoints(this RouteGroupBuilder org)
    {
        ArgumentNullException.ThrowIfNull(org);
        var settings = org.MapGroup("/sso/settings").WithTags("Single sign-on");
        settings.MapGet("", GetAsync).RequirePermission(Permission.SecurityLoginManage.Key)
            .WithSummary("SSO only, the break-glass administrators and the policy 'SCIM requires SSO only'.");
        settings.MapPatch("", UpdateAsync).RequirePermission(Permission.SecurityLoginManage.Key)
            .WithSummary("Change the sign-in policy: the fields given are set, the others kept; breakGlass replaces the list.");
    }

    private static async Task<Ok<SsoSettingsDocument>> GetAsync(Guid orgId, GetSsoSettings get, CancellationToken cancellationToken) =>
        TypedResults.Ok(SsoSettingsDocument.From(await get.ExecuteAsync(orgId, cancellationToken)));

    private static async Task<Results<Ok<SsoSettingsDocument>, ProblemHttpResult>> UpdateAsync(
        HttpContext context, SsoSettingsRequest body, UpdateSsoSettings update, CancellationToken cancellationToken)
    {
        var result = await update.ExecuteAsync(context.GetAdminActor(), new SsoSettingsUpdate(body.SsoOnly, body.ScimRequiresSsoOnly, body.BreakGlass, body.AdministratorsNeedSecondFactor), cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(SsoSettingsDocument.From(result.Value)) : AdminProblems.From(result.Error);
    }
}
