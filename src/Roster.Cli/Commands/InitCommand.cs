using System.CommandLine;
using Roster.Directory.Onboarding;

namespace Roster.Cli.Commands;

/// <summary><c>roster init</c>: creates the database, a tenant and its first SCIM token.</summary>
public static class InitCommand
{
    public static Command Create()
    {
        var data = CommonOptions.Data();
        var urls = CommonOptions.Urls();
        var publicUrl = CommonOptions.PublicUrl();
        var json = CommonOptions.Json();
        var name = new Option<string>("--name") { Description = "The tenant's name.", DefaultValueFactory = _ => "Default" };
        var command = new Command("init", "Create the database (if needed), a tenant with an Administrator role holding every permission, and a first SCIM token; print the base connector URL, the token and the first administrator's setup link once.")
        {
            data, urls, publicUrl, name, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = await CliServices.OpenAsync(parse.GetValue(data)!, cancellationToken);
            var (tenant, token) = await TenantBootstrap.CreateAsync(services, parse.GetValue(name)!, cancellationToken);
            var administrator = await TenantBootstrap.CreateAdministratorRoleAsync(services, tenant.Id, cancellationToken);
            var publicBaseUrl = CommonOptions.PublicBaseUrl(parse.GetValue(publicUrl), parse.GetValue(urls)!);
            var baseUrl = TenantBootstrap.ConnectorUrl(publicBaseUrl, tenant.Id);
            var link = await TenantBootstrap.IssueSetupLinkAsync(services, tenant.Id, cancellationToken);
            if (!link.IsSuccess)
            {
                return await CliErrors.ReportAsync(link.Error);
            }

            if (parse.GetValue(json))
            {
                Output.Json(new
                {
                    orgId = tenant.Id,
                    baseUrl,
                    token = token.Token,
                    administratorRoleId = administrator.Id,
                    setupLink = SetupLinkTokens.Link(publicBaseUrl, link.Value.Token),
                    setupLinkExpires = link.Value.Expires,
                });
            }
            else
            {
                Banner.Print(tenant, baseUrl, token);
                Console.WriteLine($"Role:                 {administrator.Name} (every permission)");
                Banner.PrintSetupLink(publicBaseUrl, link.Value);
            }

            return 0;
        });
        return command;
    }
}
