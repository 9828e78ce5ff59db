using Microsoft.AspNetCore.Http.HttpResults;
using Roster.Directory.Administration;
using Roster.Directory.Roles;
using Roster.Directory.Sso;
using Roster.Server.Admin.Authentication;
using Roster.Server.Admin.Http;
using Roster.Server.Console.Sso;
using Roster.Server.Deployment;

namespace Roster.Server.Admin.Sso;

/// <summary>
/// Single sign-on connections (<c>/api/v1/orgs/{orgId}/sso/connections</c>), a login and security
/// setting: every route needs <c>security.login.manage</c>. Saving a connection makes the saver's
/// permissions its ceiling (<see cref="SsoConnection.Ceiling"/>). OpenID Connect and SAML 2.0 are
/// offered.
/// </summary>
public static class SsoConnectionEndpoints
{
    private static readonly string Manage = Permission.SecurityLoginManage.Key;

    public static void MapSsoConnectionEndpoints(this RouteGroupBuilder org)
    {
        ArgumentNullException.ThrowIfNull(org);
        var connections = org.MapGroup("/sso/connections").WithTags("Single sign-on");
        connections.MapGet("", ListAsync).RequirePermission(Manage)
            .WithSummary("Every SSO connection of the organization, with the callback URL to register at the IdP.");
        connections.MapPost("", CreateAsync).RequirePermission(Manage)
            .WithSummary("Add an OpenID Connect or SAML 2.0 connection.");
        connections.MapGet("/{id:guid}", GetAsync).RequirePermission(Manage)
            .WithSummary("One SSO connection.");
        connections.MapPatch("/{id:guid}", UpdateAsync).RequirePermission(Manage)
            .WithSummary("Change a connection: the fields given are set, the others kept.");
        connections.MapDelete("/{id:guid}", DeleteAsync).RequirePermission(Manage)
            .WithSummary("Remove a connection.");
    }

    private static async Task<Ok<IReadOnlyList<SsoConnectionResource>>> ListAsync(
        HttpContext context, Guid orgId, ListSsoConnections list, DeploymentUrls urls, CancellationToken cancellationToken)
    {
        var connections = await list.ExecuteAsync(orgId, cancellationToken);
        var baseUrl = urls.PublicBaseUrl(context.Request);
        return TypedResults.Ok<IReadOnlyList<SsoConnectionResource>>([.. connections.Select(c => SsoConnectionResource.From(c, orgId, baseUrl))]);
    }

    private static async Task<Results<Created<SsoConnectionResource>, ProblemHttpResult>> CreateAsync(
        HttpContext context, Guid orgId, SsoConnectionRequest body, CreateSsoConnection create, SamlMetadataImport import, DeploymentUrls urls, CancellationToken cancellationToken)
    {
        if (SsoProtocols.Parse(body.Protocol) is not { } protocol)
        {
            return AdminProblems.From(AdminError.Validation($"'protocol' must be \"{SsoProtocols.OpenIdConnect}\" (OpenID Connect) or \"{SsoProtocols.Saml}\" (SAML 2.0); '{body.Protocol}' is not offered."), "protocol");
        }

        var draft = body.ToDraft();
        if (protocol == SsoProtocol.Saml)
        {
            var completed = await import.CompleteAsync(draft, body.IdpMetadataXml, cancellationToken);
            if (!completed.IsSuccess)
            {
                return AdminProblems.From(completed.Error);
            }

            draft = completed.Value;
        }

        var result = await create.ExecuteAsync(context.GetAdminActor(), protocol, draft, cancellationToken);
        if (!result.IsSuccess)
        {
            return AdminProblems.From(result.Error);
        }

        var resource = SsoConnectionResource.From(result.Value, orgId, urls.PublicBaseUrl(context.Request));
        return TypedResults.Created($"{context.Request.Path.ToUriComponent().TrimEnd('/')}/{resource.Id}", resource);
    }

    private static async Task<Results<Ok<SsoConnectionResource>, ProblemHttpResult>> GetAsync(
        HttpContext context, Guid orgId, Guid id, GetSsoConnection get, DeploymentUrls urls, CancellationToken cancellationToken)
    {
        var connection = await get.ExecuteAsync(orgId, id, cancellationToken);
        return connection is null
            ? AdminProblems.From(AdminError.NotFound("There is no such SSO connection in this organization."))
            : TypedResults.Ok(SsoConnectionResource.From(connection, orgId, urls.PublicBaseUrl(context.Request)));
    }

    private static async Task<Results<Ok<SsoConnectionResource>, ProblemHttpResult>> UpdateAsync(
        HttpContext context, Guid orgId, Guid id, SsoConnectionRequest body, UpdateSsoConnection update, GetSsoConnection get, SamlMetadataImport import, DeploymentUrls urls, CancellationToken cancellationToken)
    {
        if (body.Protocol is not null)
        {
            return AdminProblems.From(AdminError.Validation("A connection's protocol cannot be changed: add another connection."), "protocol");
        }

        var draft = body.ToDraft();
        if (body.IdpMetadataXml is not null || !string.IsNullOrWhiteSpace(body.IdpMetadataUrl))
        {
            // Only a SAML connection of this organization is worth a request to the URL.
            var connection = await get.ExecuteAsync(orgId, id, cancellationToken);
            if (connection is null)
            {
                return AdminProblems.From(AdminError.NotFound("There is no such SSO connection in this organization."));
            }

            if (connection.Protocol != SsoProtocol.Saml)
            {
                return AdminProblems.From(AdminError.Validation("Only a SAML connection reads an identity provider's metadata."), "idpMetadataUrl");
            }

            var completed = await import.CompleteAsync(draft, body.IdpMetadataXml, cancellationToken);
            if (!completed.IsSuccess)
            {
                return AdminProblems.From(completed.Error);
            }

            draft = completed.Value;
        }

        var result = await update.ExecuteAsync(context.GetAdminActor(), id, draft, cancellationToken);
        return result.IsSuccess
            ? TypedResults.Ok(SsoConnectionResource.From(result.Value, orgId, urls.PublicBaseUrl(context.Request)))
            : AdminProblems.From(result.Error);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        HttpContext context, Guid id, DeleteSsoConnection delete, CancellationToken cancellationToken)
    {
        var result = await delete.ExecuteAsync(context.GetAdminActor(), id, cancellationToken);
        return result.IsSuccess ? TypedResults.NoContent() : AdminProblems.From(result.Error);
    }
}
