using System.CommandLine;
using Roster.Directory.Administration;
using Roster.Directory.Roles;

namespace Roster.Cli.Commands;

/// <summary><c>roster roles create|list|rename|permissions|activate|deactivate</c>: a tenant's roles, as the operator (no permission checks).</summary>
public static class RolesCommand
{
    public static Command Create() => new("roles", "Create, list, rename, change and (de)activate a tenant's roles.")
    {
        CreateRoleCommand(), ListCommand(), RenameCommand(), PermissionsCommand(),
        StateCommand("activate", "Activate a deactivated role.", (s, a, id, ct) => s.GetRequiredService<ActivateRole>().ExecuteAsync(a, id, ct)),
        StateCommand("deactivate", "Deactivate a role: SCIM requests may no longer name it.", (s, a, id, ct) => s.GetRequiredService<DeactivateRole>().ExecuteAsync(a, id, ct)),
    };

    private static Option<string> RoleOption() => new("--role") { Description = "The role: its id or its exact name (case-sensitive).", Required = true };

    private static Option<string[]> PermissionsOption(bool required) => new("--permissions")
    {
        Description = $"Permission keys, separated by commas or repeated: {string.Join(", ", Permission.All.Select(p => p.Key))}. employees.edit turns employees.view on.",
        Required = required,
        AllowMultipleArgumentsPerToken = true,
    };

    private static IEnumerable<string> Keys(string[]? values) =>
        (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static Command CreateRoleCommand()
    {
        var (data, tenant, json) = (CommonOptions.Data(), CommonOptions.Tenant(), CommonOptions.Json());
        var name = new Option<string>("--name") { Description = "The role's name (unique in the tenant, case-sensitive).", Required = true };
        var permissions = PermissionsOption(required: false);
        var command = new Command("create", "Create a role.") { data, tenant, name, permissions, json };
        TenantAction.Set(command, data, tenant, async (parse, services, orgId, cancellationToken) =>
        {
            var result = await services.GetRequiredService<CreateRole>()
                .ExecuteAsync(CliActor.For(orgId), parse.GetValue(name)!, Keys(parse.GetValue(permissions)), cancellationToken);
            return await PrintAsync(result, parse.GetValue(json));
        });
        return command;
    }

    private static Command ListCommand()
    {
        var (data, tenant, json) = (CommonOptions.Data(), CommonOptions.Tenant(), CommonOptions.Json());
        var command = new Command("list", "List a tenant's roles, active or not.") { data, tenant, json };
        TenantAction.Set(command, data, tenant, async (parse, services, orgId, cancellationToken) =>
        {
            var roles = await services.GetRequiredService<ListRoles>().ExecuteAsync(orgId, cancellationToken);
            if (parse.GetValue(json))
            {
                Output.Json(roles.Select(RoleOutput.ToJson));
                return 0;
            }

            foreach (var role in roles)
            {
                RoleOutput.Print(role, json: false);
            }

            return 0;
        });
        return command;
    }

    private static Command RenameCommand()
    {
        var (data, tenant, json, role) = (CommonOptions.Data(), CommonOptions.Tenant(), CommonOptions.Json(), RoleOption());
        var name = new Option<string>("--name") { Description = "The new name.", Required = true };
        var command = new Command("rename", "Rename a role.") { data, tenant, role, name, json };
        TenantAction.Set(command, data, tenant, (parse, services, orgId, cancellationToken) => OnRoleAsync(parse, services, orgId, role, json,
            (actor, id) => services.GetRequiredService<RenameRole>().ExecuteAsync(actor, id, parse.GetValue(name)!, cancellationToken), cancellationToken));
        return command;
    }

    private static Command PermissionsCommand()
    {
        var (data, tenant, json, role) = (CommonOptions.Data(), CommonOptions.Tenant(), CommonOptions.Json(), RoleOption());
        var permissions = PermissionsOption(required: true);
        var command = new Command("permissions", "Replace a role's permissions.") { data, tenant, role, permissions, json };
        TenantAction.Set(command, data, tenant, (parse, services, orgId, cancellationToken) => OnRoleAsync(parse, services, orgId, role, json,
            (actor, id) => services.GetRequiredService<SetRolePermissions>().ExecuteAsync(actor, id, Keys(parse.GetValue(permissions)), cancellationToken), cancellationToken));
        return command;
    }

    private static Command StateCommand(string name, string description, Func<IServiceProvider, AdminActor, Guid, CancellationToken, Task<AdminResult<Role>>> change)
    {
        var (data, tenant, json, role) = (CommonOptions.Data(), CommonOptions.Tenant(), CommonOptions.Json(), RoleOption());
        var command = new Command(name, description) { data, tenant, role, json };
        TenantAction.Set(command, data, tenant, (parse, services, orgId, cancellationToken) => OnRoleAsync(parse, services, orgId, role, json,
            (actor, id) => change(services, actor, id, cancellationToken), cancellationToken));
        return command;
    }

    private static async Task<int> OnRoleAsync(
        ParseResult parse,
        IServiceProvider services,
        Guid orgId,
        Option<string> role,
        Option<bool> json,
        Func<AdminActor, Guid, Task<AdminResult<Role>>> change,
        CancellationToken cancellationToken)
    {
        var found = await RoleReference.ResolveAsync(services, orgId, parse.GetValue(role)!, cancellationToken);
        if (!found.IsSuccess)
        {
            return await CliErrors.ReportAsync(found.Error);
        }

        return await PrintAsync(await change(CliActor.For(orgId), found.Value.Id), parse.GetValue(json));
    }

    private static async Task<int> PrintAsync(AdminResult<Role> result, bool json)
    {
        if (!result.IsSuccess)
        {
            return await CliErrors.ReportAsync(result.Error);
        }

        RoleOutput.Print(result.Value, json);
        return 0;
    }
}
