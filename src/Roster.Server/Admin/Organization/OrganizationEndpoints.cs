using Microsoft.AspNetCore.Http.HttpResults;
using Roster.Directory.Tenants;
using Roster.Server.Admin.Http;
using Roster.Server.Deployment;

namespace Roster.Server.Admin.Organization;

/// <summary><c>GET /api/v1/orgs/{orgId}</c>: the org ID, the region and the URLs an administrator copies into an IdP.</summary>
public static class OrganizationEndpoints
{
    public static void MapOrganizationEndpoints(this RouteGroupBuilder org)
    {
        ArgumentNullException.ThrowIfNull(org);
        org.MapGet("", GetAsync)
            .WithName("GetOrganization")
            .WithSummary("The organization: org ID, name, region, and the base connector, token and authorize URLs.")
            .WithTags("Organization");
    }

    private static async Task<Results<Ok<OrganizationDocument>, ProblemHttpResult>> GetAsync(
        Guid orgId, HttpRequest request, FindTenant findTenant, DeploymentUrls urls, CancellationToken cancellationToken)
    {
        var tenant = await findTenant.ExecuteAsync(orgId, cancellationToken);
        if (tenant is null)
        {
            return AdminProblems.Problem(StatusCodes.Status404NotFound, $"There is no organization {orgId}.");
        }

        var deployment = urls.Options;
        return TypedResults.Ok(new OrganizationDocument(
            tenant.Id,
            tenant.Name,
            deployment.Region,
            deployment.Government,
            urls.PublicBaseUrl(request),
            urls.ConnectorUrl(request, tenant.Id),
            urls.TokenEndpoint(request),
            urls.AuthorizeEndpoint(request)));
    }
}
