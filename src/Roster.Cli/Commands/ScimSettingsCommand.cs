using System.CommandLine;
using Roster.Directory.Administration;
using Roster.Directory.Provisioning;
using Roster.Directory.Roles;

namespace Roster.Cli.Commands;

/// <summary><c>roster scim-settings show|set</c>: a tenant's SCIM switch, roles and policies.</summary>
public static class ScimSettingsCommand
{
    public static Command Create() => new("scim-settings", "Show or change a tenant's SCIM settings.") { ShowCommand(), SetCommand() };

    private static Command ShowCommand()
    {
        var (data, tenant, json) = (CommonOptions.Data(), CommonOptions.Tenant(), CommonOptions.Json());
        var command = new Command("show", "Show the SCIM settings and the connection status.") { data, tenant, json };
        TenantAction.Set(command, data, tenant, async (parse, services, orgId, cancellationToken) =>
        {
            var settings = await services.GetRequiredService<GetScimSettings>().ExecuteAsync(orgId, cancellationToken);
            await PrintAsync(services, settings, parse.GetValue(json), cancellationToken);
            return 0;
        });
        return command;
    }

    private static Command SetCommand()
    {
        var (data, tenant, json) = (CommonOptions.Data(), CommonOptions.Tenant(), CommonOptions.Json());
        var enabled = new Option<bool?>("--enabled") { Description = "Turn SCIM provisioning on (true) or off (false)." };
        var defaultRole = new Option<string?>("--default-role") { Description = "The role given when the IdP sends none: a role name or id; \"\" clears it." };
        var requiredRole = new Option<string?>("--required-role") { Description = "The role every provisioned user gets: a role name or id; \"\" clears it." };
        var userNameEmail = new Option<bool?>("--username-must-be-email") { Description = "userName must be an email equal to the primary email (true|false)." };
        var namesFixed = new Option<bool?>("--names-not-updatable") { Description = "givenName and familyName are never changed by SCIM after creation (true|false)." };
        var enforceDomains = new Option<bool?>("--enforce-verified-domains") { Description = "Every user email domain must be a verified domain of the tenant (true|false)." };
        var tokenMaxDays = new Option<int?>("--token-max-days") { Description = "The longest lifetime, in days, an administrator may give a SCIM token." };
        var unknownRoles = new Option<string?>("--unknown-roles") { Description = "What a roles value naming no role gets: refuse, ignore or default-role." };
        var manualGrants = new Option<bool?>("--manual-role-grants") { Description = "Administrators may grant roles by hand beside the IdP's while SCIM is on (true|false)." };
        var namesRequired = new Option<bool?>("--names-required") { Description = "Every provisioned user needs name.givenName and name.familyName (true|false)." };
        var identifiersFixed = new Option<bool?>("--identifiers-not-updatable") { Description = "userName and email addresses cannot change after creation (true|false)." };
        var cursorPaging = new Option<bool?>("--advertise-cursor-paging") { Description = "Whether /ServiceProviderConfig carries RFC 9865's pagination object (true|false)." };
        var command = new Command("set", "Change SCIM settings; settings not given keep their value.")
        {
            data, tenant, enabled, defaultRole, requiredRole, userNameEmail, namesFixed, enforceDomains, tokenMaxDays, unknownRoles, manualGrants, namesRequired, identifiersFixed, cursorPaging, json,
        };
        TenantAction.Set(command, data, tenant, async (parse, services, orgId, cancellationToken) =>
        {
            UnknownRolePolicy? unknown = null;
            if (parse.GetValue(unknownRoles) is { } policyText && (unknown = UnknownRolePolicies.Parse(policyText)) is null)
            {
                await Console.Error.WriteLineAsync($"--unknown-roles must be {UnknownRolePolicies.Refuse}, {UnknownRolePolicies.Ignore} or {UnknownRolePolicies.DefaultRole}.");
                return 2;
            }

            var current = await services.GetRequiredService<GetScimSettings>().ExecuteAsync(orgId, cancellationToken);
            var update = ScimSettingsUpdate.From(current);
            update = update with
            {
                Enabled = parse.GetValue(enabled) ?? update.Enabled,
                UserNameMustBePrimaryEmail = parse.GetValue(userNameEmail) ?? update.UserNameMustBePrimaryEmail,
                NamesNotUpdatable = parse.GetValue(namesFixed) ?? update.NamesNotUpdatable,
                EnforceVerifiedDomains = parse.GetValue(enforceDomains) ?? update.EnforceVerifiedDomains,
                TokenMaxDays = parse.GetValue(tokenMaxDays) ?? update.TokenMaxDays,
                UnknownRoles = unknown ?? update.UnknownRoles,
                ManualRoleGrants = parse.GetValue(manualGrants) ?? update.ManualRoleGrants,
                NamesRequired = parse.GetValue(namesRequired) ?? update.NamesRequired,
                IdentifiersNotUpdatable = parse.GetValue(identifiersFixed) ?? update.IdentifiersNotUpdatable,
                AdvertiseCursorPaging = parse.GetValue(cursorPaging) ?? update.AdvertiseCursorPaging,
            };
            var defaultId = await RoleIdAsync(services, orgId, parse.GetValue(defaultRole), update.DefaultRoleId, cancellationToken);
            if (!defaultId.IsSuccess)
            {
                return await CliErrors.ReportAsync(defaultId.Error);
            }

            var requiredId = await RoleIdAsync(services, orgId, parse.GetValue(requiredRole), update.RequiredRoleId, cancellationToken);
            if (!requiredId.IsSuccess)
            {
                return await CliErrors.ReportAsync(requiredId.Error);
            }

            update = update with { DefaultRoleId = defaultId.Value, RequiredRoleId = requiredId.Value };
            var result = await services.GetRequiredService<UpdateScimSettings>().ExecuteAsync(CliActor.For(orgId), update, cancellationToken);
            if (!result.IsSuccess)
            {
                return await CliErrors.ReportAsync(result.Error);
            }

            await PrintAsync(services, result.Value, parse.GetValue(json), cancellationToken);
            return 0;
        });
        return command;
    }

    /// <summary>The role id an option names: unchanged when the option is absent, none when it is "".</summary>
    private static async Task<AdminResult<Guid?>> RoleIdAsync(IServiceProvider services, Guid orgId, string? reference, Guid? current, CancellationToken cancellationToken)
    {
        if (reference is null)
        {
            return current;
        }

        if (reference.Length == 0)
        {
            return AdminResult<Guid?>.Success(null);
        }

        var role = await RoleReference.ResolveAsync(services, orgId, reference, cancellationToken);
        return role.IsSuccess ? role.Value.Id : role.Error;
    }

    private static async Task PrintAsync(IServiceProvider services, ScimSettings settings, bool json, CancellationToken cancellationToken)
    {
        var roles = await services.GetRequiredService<ListRoles>().ExecuteAsync(settings.TenantId, cancellationToken);
        string? NameOf(Guid? id) => id is null ? null : roles.FirstOrDefault(r => r.Id == id)?.Name;
        var status = settings.Status == ScimProvisioningStatus.Active ? "active" : "inactive";
        if (json)
        {
            Output.Json(new
            {
                orgId = settings.TenantId,
                enabled = settings.Enabled,
                status,
                lastCallAt = settings.LastCallAt,
                lastClient = settings.LastClient,
                defaultRoleId = settings.DefaultRoleId,
                defaultRole = NameOf(settings.DefaultRoleId),
                requiredRoleId = settings.RequiredRoleId,
                requiredRole = NameOf(settings.RequiredRoleId),
                userNameMustBePrimaryEmail = settings.UserNameMustBePrimaryEmail,
                namesNotUpdatable = settings.NamesNotUpdatable,
                enforceVerifiedDomains = settings.EnforceVerifiedDomains,
                tokenMaxDays = settings.TokenMaxDays,
                unknownRoles = UnknownRolePolicies.ToText(settings.UnknownRoles),
                manualRoleGrants = settings.ManualRoleGrants,
                namesRequired = settings.NamesRequired,
                identifiersNotUpdatable = settings.IdentifiersNotUpdatable,
                advertiseCursorPaging = settings.AdvertiseCursorPaging,
            });
            return;
        }

        Console.WriteLine($"SCIM provisioning:         {(settings.Enabled ? "enabled" : "disabled")}");
        Console.WriteLine($"Status:                    {status}{(settings.LastCallAt is { } at ? $" (last call {at:yyyy-MM-dd HH:mm} UTC from {settings.LastClient})" : "")}");
        Console.WriteLine($"Default role:              {NameOf(settings.DefaultRoleId) ?? "(none)"}");
        Console.WriteLine($"Required role:             {NameOf(settings.RequiredRoleId) ?? "(none)"}");
        Console.WriteLine($"userName must be email:    {settings.UserNameMustBePrimaryEmail}");
        Console.WriteLine($"Names not updatable:       {settings.NamesNotUpdatable}");
        Console.WriteLine($"Enforce verified domains:  {settings.EnforceVerifiedDomains}");
        Console.WriteLine($"Longest SCIM token life:   {settings.TokenMaxDays} days");
        Console.WriteLine($"Unknown roles values:      {UnknownRolePolicies.ToText(settings.UnknownRoles)}");
        Console.WriteLine($"Manual role grants:        {settings.ManualRoleGrants}");
        Console.WriteLine($"Names required:            {settings.NamesRequired}");
        Console.WriteLine($"Identifiers not updatable: {settings.IdentifiersNotUpdatable}");
        Console.WriteLine($"Advertise cursor paging:   {settings.AdvertiseCursorPaging}");
    }
}
