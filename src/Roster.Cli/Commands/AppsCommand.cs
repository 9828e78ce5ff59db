using System.CommandLine;
using Roster.Directory.Apps;

namespace Roster.Cli.Commands;

/// <summary><c>roster apps register|list|delete|revoke-consents</c>: OAuth app registrations (seed 002), as the operator.</summary>
public static class AppsCommand
{
    public static Command Create() => new("apps", "Register, list and delete OAuth apps, and revoke the consents given to them.")
    {
        RegisterCommand(), ListCommand(), DeleteCommand(), RevokeCommand(),
    };

    private static Option<Guid> AppOption() => new("--id") { Description = "The app registration's id (from 'roster apps list').", Required = true };

    private static Command RegisterCommand()
    {
        var (data, tenant, json) = (CommonOptions.Data(), CommonOptions.Tenant(), CommonOptions.Json());
        var name = new Option<string>("--name") { Description = "The app's name, shown on the consent page.", Required = true };
        var description = new Option<string?>("--description") { Description = "What the app is for." };
        var contacts = new Option<string[]>("--contact") { Description = "A technical contact's email (repeat for several).", Required = true, AllowMultipleArgumentsPerToken = true };
        var type = new Option<string>("--client-type") { Description = "user-confidential, user-public or back-end.", DefaultValueFactory = _ => AppClientTypes.UserConfidential };
        var redirects = new Option<string[]>("--redirect-uri") { Description = "A redirect URL, e.g. https://system-admin.okta.com/admin/app/cpc/{appName}/oauth/callback (repeat for several).", AllowMultipleArgumentsPerToken = true };
        var scopes = new Option<string[]>("--scope") { Description = "A scope: openid, offline_access, scim (default: all).", AllowMultipleArgumentsPerToken = true };
        var owner = new Option<Guid?>("--owner") { Description = "For a back-end app: the employee profile its tokens act for (default: none, the operator's own app)." };
        var registrant = new Option<string?>("--registrant") { Description = "Who registers the app (free text, as the console's form and the admin API take it; default: the operator)." };
        var businessUnit = new Option<string?>("--business-unit") { Description = "The business unit the app is for (free text)." };
        var command = new Command("register", "Register an app; its client secret is shown only once.") { data, tenant, name, description, contacts, type, redirects, scopes, owner, registrant, businessUnit, json };
        TenantAction.Set(command, data, tenant, async (parse, services, orgId, cancellationToken) =>
        {
            if (AppClientTypes.Parse(parse.GetValue(type)) is not { } clientType)
            {
                await Console.Error.WriteLineAsync("--client-type must be user-confidential, user-public or back-end.");
                return 2;
            }

            var draft = new AppDraft(parse.GetValue(name)!, parse.GetValue(description), parse.GetValue(contacts) ?? [], clientType, parse.GetValue(redirects) ?? [], parse.GetValue(scopes) ?? [], parse.GetValue(owner),
                parse.GetValue(registrant), parse.GetValue(businessUnit));
            var result = await services.GetRequiredService<RegisterApp>().ExecuteAsync(CliActor.For(orgId), draft, cancellationToken);
            if (!result.IsSuccess)
            {
                return await CliErrors.ReportAsync(result.Error);
            }

            var (app, secret) = (result.Value.App, result.Value.ClientSecret);
            if (parse.GetValue(json))
            {
                Output.Json(new { id = app.Id, clientId = app.ClientId, clientSecret = secret, tokenEndpointAuthMethod = app.TokenEndpointAuthMethod });
            }
            else
            {
                Console.WriteLine($"Client ID:      {app.ClientId}");
                Console.WriteLine($"Client secret:  {secret ?? "(none: a public app uses PKCE)"}");
                Console.WriteLine($"Auth method:    {app.TokenEndpointAuthMethod}");
                Console.WriteLine("The secret is shown only now.");
            }

            return 0;
        });
        return command;
    }

    private static Command ListCommand()
    {
        var (data, tenant, json) = (CommonOptions.Data(), CommonOptions.Tenant(), CommonOptions.Json());
        var command = new Command("list", "List app registrations (never their secrets).") { data, tenant, json };
        TenantAction.Set(command, data, tenant, async (parse, services, orgId, cancellationToken) =>
        {
            var apps = await services.GetRequiredService<ListApps>().ExecuteAsync(orgId, cancellationToken);
            if (parse.GetValue(json))
            {
                Output.Json(apps);
                return 0;
            }

            foreach (var app in apps)
            {
                Console.WriteLine($"{app.Id}  {app.Name}  {app.ClientId}  {AppClientTypes.ToText(app.ClientType)}  {string.Join(' ', app.RedirectUris)}");
            }

            return 0;
        });
        return command;
    }

    private static Command DeleteCommand()
    {
        var (data, tenant, id) = (CommonOptions.Data(), CommonOptions.Tenant(), AppOption());
        var command = new Command("delete", "Delete an app: its client, consents and tokens stop working.") { data, tenant, id };
        TenantAction.Set(command, data, tenant, async (parse, services, orgId, cancellationToken) =>
        {
            var result = await services.GetRequiredService<ChangeApp>().DeleteAsync(CliActor.For(orgId), parse.GetValue(id), cancellationToken);
            if (!result.IsSuccess)
            {
                return await CliErrors.ReportAsync(result.Error);
            }

            Console.WriteLine("Deleted.");
            return 0;
        });
        return command;
    }

    private static Command RevokeCommand()
    {
        var (data, tenant, id) = (CommonOptions.Data(), CommonOptions.Tenant(), AppOption());
        var command = new Command("revoke-consents", "Revoke every consent given to an app, and its tokens.") { data, tenant, id };
        TenantAction.Set(command, data, tenant, async (parse, services, orgId, cancellationToken) =>
        {
            var result = await services.GetRequiredService<ChangeApp>().RevokeConsentsAsync(CliActor.For(orgId), parse.GetValue(id), cancellationToken);
            if (!result.IsSuccess)
            {
                return await CliErrors.ReportAsync(result.Error);
            }

            Console.WriteLine($"Revoked {result.Value} consent(s).");
            return 0;
        });
        return command;
    }
}
