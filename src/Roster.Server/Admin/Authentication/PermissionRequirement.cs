using Microsoft.AspNetCore.Authorization;

namespace Roster.Server.Admin.Authentication;

/// <summary>The signed-in employee must hold one of <see cref="AnyOf"/> (permission keys).</summary>
public sealed class PermissionRequirement(IReadOnlyList<string> anyOf) : AuthorizationHandler<PermissionRequirement>, IAuthorizationRequirement
{
    public IReadOnlyList<string> AnyOf { get; } = anyOf;

    /// <summary>What a refusal tells the person: which permission to ask an administrator for.</summary>
    public string Refusal => AnyOf.Count == 1
        ? $"This needs the permission '{AnyOf[0]}'; ask an administrator for a role that grants it."
        : $"This needs one of the permissions {string.Join(", ", AnyOf.Select(p => $"'{p}'"))}; ask an administrator for a role that grants one.";

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(requirement);
        if (requirement.AnyOf.Any(context.User.HasPermission))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
