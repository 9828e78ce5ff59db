using Microsoft.AspNetCore.Http.HttpResults;
using Roster.Directory.Roles;
using Roster.Directory.SchemaExtensions;
using Roster.Server.Admin.Authentication;
using Roster.Server.Admin.Http;

namespace Roster.Server.Admin.SchemaExtensions;

/// <summary>
/// The organization's own SCIM schema extensions under <c>/api/v1/orgs/{orgId}/scim/schema-extensions</c>:
/// list, define, read, replace, delete. They need <c>scim.manage</c>, like the SCIM settings.
/// </summary>
public static class SchemaExtensionEndpoints
{
    private static readonly string Manage = Permission.ScimManage.Key;

    public static void MapSchemaExtensionEndpoints(this RouteGroupBuilder org)
    {
        ArgumentNullException.ThrowIfNull(org);
        var extensions = org.MapGroup("/scim/schema-extensions").WithTags("SCIM schema extensions");
        extensions.MapGet("", ListAsync).RequirePermission(Manage).WithSummary("The organization's own schema extensions, by URN.");
        extensions.MapPost("", CreateAsync).RequirePermission(Manage)
            .WithSummary("Define an extension of User or Group: resourceType, required, schema (id = its URN, name, description, attributes as RFC 7643 section 7 writes them).");
        extensions.MapGet("/{id:guid}", GetAsync).RequirePermission(Manage).WithSummary("One extension.");
        extensions.MapPut("/{id:guid}", UpdateAsync).RequirePermission(Manage)
            .WithSummary("Replace the definition (same URN and resource type). Adding attributes is always allowed; changing an attribute's type or removing it is refused (409) while any resource holds a value for it.");
        extensions.MapDelete("/{id:guid}", DeleteAsync).RequirePermission(Manage)
            .WithSummary("Delete the extension; refused (409) while any resource holds values under its URN.");
    }

    private static async Task<Ok<IReadOnlyList<SchemaExtensionDocument>>> ListAsync(Guid orgId, ListSchemaExtensions list, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<SchemaExtensionDocument>>([.. (await list.ExecuteAsync(orgId, cancellationToken)).Select(SchemaExtensionDocument.From)]);

    private static async Task<Results<Ok<SchemaExtensionDocument>, ProblemHttpResult>> GetAsync(Guid orgId, Guid id, ListSchemaExtensions list, CancellationToken cancellationToken)
    {
        var result = await list.GetAsync(orgId, id, cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(SchemaExtensionDocument.From(result.Value)) : AdminProblems.From(result.Error);
    }

    private static async Task<Results<Created<SchemaExtensionDocument>, ProblemHttpResult>> CreateAsync(
        HttpContext context, SchemaExtensionRequest request, DefineSchemaExtension define, CancellationToken cancellationToken)
    {
        var actor = context.GetAdminActor();
        var result = await define.ExecuteAsync(actor, request.ToDraft(), cancellationToken);
        if (!result.IsSuccess)
        {
            return AdminProblems.From(result.Error, result.Error.Field ?? "schema");
        }

        var document = SchemaExtensionDocument.From(result.Value);
        return TypedResults.Created($"{context.Request.PathBase}/api/v1/orgs/{actor.TenantId}/scim/schema-extensions/{document.Id}", document);
    }

    private static async Task<Results<Ok<SchemaExtensionDocument>, ProblemHttpResult>> UpdateAsync(
        HttpContext context, Guid id, SchemaExtensionRequest request, ChangeSchemaExtension change, CancellationToken cancellationToken)
    {
        var result = await change.UpdateAsync(context.GetAdminActor(), id, request.ToDraft(), cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(SchemaExtensionDocument.From(result.Value)) : AdminProblems.From(result.Error, result.Error.Field ?? "schema");
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(HttpContext context, Guid id, ChangeSchemaExtension change, CancellationToken cancellationToken)
    {
        var result = await change.DeleteAsync(context.GetAdminActor(), id, cancellationToken);
        return result.IsSuccess ? TypedResults.NoContent() : AdminProblems.From(result.Error);
    }
}
