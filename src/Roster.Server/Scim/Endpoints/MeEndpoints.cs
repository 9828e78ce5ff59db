using System.Security.Claims;
using Microsoft.Extensions.Options;
using Roster.Directory;
using Roster.Directory.Resources;
using Roster.Scim.Errors;
using Roster.Server.Authentication;
using Roster.Server.Hosting;
using Roster.Server.Scim.Http;

namespace Roster.Server.Scim.Endpoints;

/// <summary>
/// <c>/Me</c> (RFC 7644 section 3.11): the User of the person who signed in through the OAuth
/// authorization-code flow. An employee profile is its User (one row, one id), so <c>/Me</c> is
/// <c>/Users/{the person's id}</c>: GET, PUT, PATCH and DELETE run the same use cases, with the
/// same permissions, tenant settings, policies and audit (credited to the person), and
/// <c>meta.location</c> names <c>/Users/{id}</c> as the RFC asks. A credential that was not issued
/// to a person signing in (a SCIM token, a client-credentials token) has no "me": 403 saying which
/// credential is needed.
/// </summary>
public static class MeEndpoints
{
    private const string UsersKey = DirectoryServiceCollectionExtensions.UsersKey;

    public static void MapMeEndpoints(this RouteGroupBuilder scim)
    {
        ArgumentNullException.ThrowIfNull(scim);
        var me = scim.MapGroup("/Me").AddEndpointFilter(RequireSubjectAsync).AddEndpointFilter<ScimPermissionFilter>();
        me.MapGet("", (HttpContext c, [FromKeyedServices(UsersKey)] IScimResourceStore users, ResourceRenderer renderer) =>
            GetResource.HandleAsync(c, users, Subject(c), renderer));
        me.MapPut("", (HttpContext c, [FromKeyedServices(UsersKey)] IScimResourceStore users, ScimBodyReader reader, ResourceRenderer renderer) =>
            ReplaceResource.HandleAsync(c, users, Subject(c), reader, renderer));
        me.MapPatch("", (
            HttpContext c, [FromKeyedServices(UsersKey)] IScimResourceStore users, ScimBodyReader reader, IOptions<RequestLimitsOptions> limits, ResourceRenderer renderer) =>
            PatchResource.HandleAsync(c, users, Subject(c), reader, limits.Value, renderer));
        me.MapDelete("", (HttpContext c, [FromKeyedServices(UsersKey)] IScimResourceStore users) =>
            DeleteResource.HandleAsync(c, users, Subject(c)));

        // RFC 7644 section 3.11 lets a service provider answer 403 to a POST on /Me it does not
        // support: the person already has a User, and new users are created at /Users.
        me.MapPost("", (HttpContext c) => new ScimErrorResult(ScimError.Forbidden(
            "Creating a resource through /Me is not supported: the person signed in already has a User, which GET, PUT, PATCH and DELETE on /Me reach. Create users with POST /Users.")));
    }

    private static async ValueTask<object?> RequireSubjectAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (context.HttpContext.User.FindFirstValue(ScimBearerDefaults.SubjectClaim) is null)
        {
            return new ScimErrorResult(ScimError.Forbidden(
                "/Me is the User of the person who signed in, and this credential was not issued to a person signing in: a SCIM token or a client-credentials access token acts for a connection. " +
                "Use an access token from the OAuth authorization-code flow (the person signs in to Roster and consents), or use /Users/{id}."));
        }

        return await next(context);
    }

    private static string Subject(HttpContext context) =>
        context.User.FindFirstValue(ScimBearerDefaults.SubjectClaim) ?? throw new InvalidOperationException("/Me runs only for a signed-in person.");
}
