using System.CommandLine;
using Roster.Directory.Administration;
using Roster.Directory.Sso;

namespace Roster.Cli.Commands;

/// <summary>
/// <c>roster sso list|create|update|delete|settings</c>: a tenant's single sign-on connections
/// (OpenID Connect) and its sign-in policy ("SSO only", break-glass administrators, "SCIM requires
/// SSO only"), as the operator. The operator holds every permission, so a connection saved here
/// has no ceiling and anyone may be named a break-glass administrator.
/// </summary>
public static class SsoCommand
{
    public static Command Create() => new("sso", "Single sign-on: a tenant's connections and its 'SSO only' policy.")
    {
        ListCommand(), CreateCommand(), UpdateCommand(), DeleteCommand(), SettingsCommand(),
    };

    private static Option<string> ConnectionOption() => new("--connection") { Description = "The connection: its id or its name.", Required = true };

    private static Command ListCommand()
    {
        var (data, tenant, json) = (CommonOptions.Data(), CommonOptions.Tenant(), CommonOptions.Json());
        var command = new Command("list", "List a tenant's SSO connections.") { data, tenant, json };
        TenantAction.Set(command, data, tenant, async (parse, services, orgId, cancellationToken) =>
        {
            var connections = await services.GetRequiredService<ListSsoConnections>().ExecuteAsync(orgId, cancellationToken);
            if (parse.GetValue(json))
            {
                Output.Json(connections.Select(ToJson));
                return 0;
            }

            foreach (var connection in connections)
            {
                Print(connection);
            }

            return 0;
        });
        return command;
    }

    private static Command CreateCommand()
    {
        var (data, tenant, json) = (CommonOptions.Data(), CommonOptions.Tenant(), CommonOptions.Json());
        var name = new Option<string>("--name") { Description = "The name people see on the sign-in page, unique in the tenant.", Required = true };
        var (issuer, clientId, clientSecret, enabled) = OidcOptions();
        issuer.Required = true;
        clientId.Required = true;
        var command = new Command("create", "Add an OpenID Connect connection.") { data, tenant, name, issuer, clientId, clientSecret, enabled, json };
        TenantAction.Set(command, data, tenant, async (parse, services, orgId, cancellationToken) =>
        {
            var draft = new SsoConnectionDraft(Name: parse.GetValue(name), Enabled: parse.GetValue(enabled), Issuer: parse.GetValue(issuer), ClientId: parse.GetValue(clientId), ClientSecret: parse.GetValue(clientSecret));
            var result = await services.GetRequiredService<CreateSsoConnection>().ExecuteAsync(CliActor.For(orgId), SsoProtocol.OpenIdConnect, draft, cancellationToken);
            return await ReportAsync(result, parse.GetValue(json));
        });
        return command;
    }

    private static Command UpdateCommand()
    {
        var (data, tenant, json) = (CommonOptions.Data(), CommonOptions.Tenant(), CommonOptions.Json());
        var connection = ConnectionOption();
        var name = new Option<string?>("--name") { Description = "A new name." };
        var (issuer, clientId, clientSecret, enabled) = OidcOptions();
        var command = new Command("update", "Change a connection; what is not given is kept.") { data, tenant, connection, name, issuer, clientId, clientSecret, enabled, json };
        TenantAction.Set(command, data, tenant, async (parse, services, orgId, cancellationToken) =>
        {
            var id = await ResolveAsync(services, orgId, parse.GetValue(connection)!, cancellationToken);
            if (!id.IsSuccess)
            {
                return await CliErrors.ReportAsync(id.Error);
            }

            var draft = new SsoConnectionDraft(Name: parse.GetValue(name), Enabled: parse.GetValue(enabled), Issuer: parse.GetValue(issuer), ClientId: parse.GetValue(clientId), ClientSecret: parse.GetValue(clientSecret));
            var result = await services.GetRequiredService<UpdateSsoConnection>().ExecuteAsync(CliActor.For(orgId), id.Value, draft, cancellationToken);
            return await ReportAsync(result, parse.GetValue(json));
        });
        return command;
    }

    private static Command DeleteCommand()
    {
        var (data, tenant) = (CommonOptions.Data(), CommonOptions.Tenant());
        var connection = ConnectionOption();
        var command = new Command("delete", "Remove a connection (refused for the last enabled one while the tenant is SSO only).") { data, tenant, connection };
        TenantAction.Set(command, data, tenant, async (parse, services, orgId, cancellationToken) =>
        {
            var id = await ResolveAsync(services, orgId, parse.GetValue(connection)!, cancellationToken);
            if (!id.IsSuccess)
            {
                return await CliErrors.ReportAsync(id.Error);
            }

            var result = await services.GetRequiredService<DeleteSsoConnection>().ExecuteAsync(CliActor.For(orgId), id.Value, cancellationToken);
            if (!result.IsSuccess)
            {
                return await CliErrors.ReportAsync(result.Error);
            }

            Console.WriteLine($"Removed SSO connection {id.Value}.");
            return 0;
        });
        return command;
    }

    private static Command SettingsCommand()
    {
        var (data, tenant, json) = (CommonOptions.Data(), CommonOptions.Tenant(), CommonOptions.Json());
        var ssoOnly = new Option<bool?>("--sso-only") { Description = "Refuse password sign-in for everyone but the break-glass administrators (true|false)." };
        var scimRequires = new Option<bool?>("--scim-requires-sso-only") { Description = "SCIM provisioning cannot be turned on until 'SSO only' is (true|false)." };
        var secondFactor = new Option<bool?>("--administrators-need-second-factor")
        {
            Description = "Anyone whose roles hold roles.manage or security.login.manage must sign in with a second factor when using a password (true|false).",
        };
        var breakGlass = new Option<Guid[]?>("--break-glass")
        {
            Description = "The employee ids of the break-glass administrators, who may still sign in with a password; replaces the list.",
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command("settings", "Show the sign-in policy, or change it: what is not given is kept.") { data, tenant, ssoOnly, scimRequires, secondFactor, breakGlass, json };
        TenantAction.Set(command, data, tenant, async (parse, services, orgId, cancellationToken) =>
        {
            // An array option not given still parses as an empty array: only a --break-glass on
            // the command line replaces the list, or showing the settings would empty it.
            var breakGlassGiven = parse.GetResult(breakGlass) is { Implicit: false };
            var update = new SsoSettingsUpdate(parse.GetValue(ssoOnly), parse.GetValue(scimRequires), breakGlassGiven ? parse.GetValue(breakGlass) : null, parse.GetValue(secondFactor));
            SsoSettings settings;
            if (update is { SsoOnly: null, ScimRequiresSsoOnly: null, BreakGlass: null, AdministratorsNeedSecondFactor: null })
            {
                settings = await services.GetRequiredService<GetSsoSettings>().ExecuteAsync(orgId, cancellationToken);
            }
            else
            {
                var result = await services.GetRequiredService<UpdateSsoSettings>().ExecuteAsync(CliActor.For(orgId), update, cancellationToken);
                if (!result.IsSuccess)
                {
                    return await CliErrors.ReportAsync(result.Error);
                }

                settings = result.Value;
            }

            if (parse.GetValue(json))
            {
                Output.Json(new { ssoOnly = settings.SsoOnly, scimRequiresSsoOnly = settings.ScimRequiresSsoOnly, breakGlass = settings.BreakGlass, administratorsNeedSecondFactor = settings.AdministratorsNeedSecondFactor });
            }
            else
            {
                Console.WriteLine($"SSO only: {(settings.SsoOnly ? "on" : "off")}");
                Console.WriteLine($"SCIM requires SSO only: {(settings.ScimRequiresSsoOnly ? "on" : "off")}");
                Console.WriteLine($"Administrators need a second factor: {(settings.AdministratorsNeedSecondFactor ? "on" : "off")}");
                Console.WriteLine($"Break-glass administrators: {(settings.BreakGlass.Count == 0 ? "none" : string.Join(' ', settings.BreakGlass))}");
            }

            return 0;
        });
        return command;
    }

    private static (Option<string?> Issuer, Option<string?> ClientId, Option<string?> ClientSecret, Option<bool?> Enabled) OidcOptions() =>
        (new Option<string?>("--issuer") { Description = "The OpenID Connect issuer (HTTPS), e.g. https://acme.okta.com." },
         new Option<string?>("--client-id") { Description = "The client ID Roster's app has at the IdP." },
         new Option<string?>("--client-secret") { Description = "The client secret (stored encrypted, never shown again); \"\" removes it." },
         new Option<bool?>("--enabled") { Description = "Whether the connection signs people in (true|false)." });

    private static async Task<AdminResult<Guid>> ResolveAsync(IServiceProvider services, Guid orgId, string reference, CancellationToken cancellationToken)
    {
        var connections = await services.GetRequiredService<ListSsoConnections>().ExecuteAsync(orgId, cancellationToken);
        var found = Guid.TryParse(reference, out var id)
            ? connections.FirstOrDefault(c => c.Id == id)
            : connections.FirstOrDefault(c => string.Equals(c.Name, reference, StringComparison.Ordinal));
        return found is null ? AdminError.NotFound($"The tenant has no SSO connection '{reference}'; see 'roster sso list'.") : found.Id;
    }

    private static async Task<int> ReportAsync(AdminResult<SsoConnection> result, bool json)
    {
        if (!result.IsSuccess)
        {
            return await CliErrors.ReportAsync(result.Error);
        }

        if (json)
        {
            Output.Json(ToJson(result.Value));
        }
        else
        {
            Print(result.Value);
        }

        return 0;
    }

    private static void Print(SsoConnection connection) =>
        Console.WriteLine($"{connection.Id}  {connection.Name}  {SsoProtocols.ToText(connection.Protocol)}  {(connection.Enabled ? "enabled" : "disabled")}  {connection.Oidc?.Issuer}");

    private static object ToJson(SsoConnection connection) => new
    {
        id = connection.Id,
        name = connection.Name,
        protocol = SsoProtocols.ToText(connection.Protocol),
        enabled = connection.Enabled,
        issuer = connection.Oidc?.Issuer,
        clientId = connection.Oidc?.ClientId,
        clientSecretSet = connection.Oidc?.HasClientSecret ?? false,
        loginAuthenticator = connection.Authenticator,
    };
}
