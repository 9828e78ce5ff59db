using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Roster.Server.Admin.Authentication;

namespace Roster.Server.Admin.Http;

/// <summary>
/// The OpenAPI document at <c>/openapi/v1.json</c>: the admin API only (SCIM is described by its
/// own discovery endpoints, RFC 7644 section 4), with its HTTP Basic scheme.
/// </summary>
public static class AdminOpenApi
{
    public const string SecuritySchemeName = "employeeBasic";

    public static void Configure(OpenApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ShouldInclude = d => d.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Roster admin API";
            document.Info.Description =
                "Tenant administration: organization, roles and permissions, SCIM settings, audit log. " +
                "Sign in with HTTP Basic (an employee's email and password); SCIM tokens are not accepted. Errors are RFC 7807 problems.";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[SecuritySchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "basic",
                Description = $"An employee's email and password, checked in the organization of the URL (realm \"{AdminBasicDefaults.Realm}\").",
            };
            document.Security ??= [];
            document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SecuritySchemeName, document)] = [] });
            return Task.CompletedTask;
        });

        // The activation link is used before the person has a password: no sign-in applies.
        options.AddOperationTransformer((operation, context, _) =>
        {
            if (context.Description.ActionDescriptor.EndpointMetadata.OfType<Microsoft.AspNetCore.Authorization.IAllowAnonymous>().Any())
            {
                operation.Security = [];
            }

            return Task.CompletedTask;
        });
    }
}
