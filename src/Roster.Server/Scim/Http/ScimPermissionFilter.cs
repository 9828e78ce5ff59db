using Roster.Directory.Roles;
using Roster.Scim.Errors;

namespace Roster.Server.Scim.Http;

/// <summary>
/// The permission a SCIM call needs of its credential's power (the owner's permissions within the
/// credential's ceiling, <see cref="ScimCallerAccessor.ScimPermissions"/>): reading users and
/// groups (GET, <c>/.search</c>) needs <c>employees.view</c>, creating, changing and deleting them
/// <c>employees.edit</c>, as in the console. Checked on every request, so a demotion stops a
/// credential at its next call. Operator tokens hold every permission.
/// </summary>
public sealed class ScimPermissionFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var reads = HttpMethods.IsGet(http.Request.Method) || http.Request.Path.Value?.EndsWith("/.search", StringComparison.Ordinal) == true;
        var needed = reads ? Permission.EmployeesView : Permission.EmployeesEdit;
        if (!http.User.ScimPermissions().Holds(needed))
        {
            var what = reads ? "reading users and groups" : "creating, changing and deleting users and groups";
            return new ScimErrorResult(ScimError.Forbidden(
                $"This credential may not do this: {what} needs the permission '{needed.Key}', which its owner's roles do not grant (or which was not held by whoever issued it). " +
                "Give the owner a role that grants it, or use a credential of someone who holds it."));
        }

        return await next(context);
    }
}
