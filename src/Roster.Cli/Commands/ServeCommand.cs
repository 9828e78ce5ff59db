using System.CommandLine;
using Roster.Directory.Tenants;
using Roster.Server.Hosting;
using Roster.Server.Settings;

namespace Roster.Cli.Commands;

/// <summary>
/// <c>roster serve</c>: migrates the database, bootstraps a first tenant, its Administrator role,
/// token and setup link when there is none (printing the base connector URL, the token and the
/// link once), then serves.
/// </summary>
public static class ServeCommand
{
    public const string Name = "serve";

    public static Command Create()
    {
        var data = CommonOptions.Data();
        var urls = CommonOptions.Urls();
        var publicUrl = CommonOptions.PublicUrl();
        var command = new Command(Name, "Run the Roster server.") { data, urls, publicUrl };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var listen = parse.GetValue(urls)!;
            var baseUrl = CommonOptions.PublicBaseUrl(parse.GetValue(publicUrl), listen);
            var app = RosterWebApplication.Create(parse.GetValue(data)!, listen, configure: b =>
            {
                if (!string.IsNullOrWhiteSpace(parse.GetValue(publicUrl)))
                {
                    b.Configuration[$"{RosterServerOptions.SectionName}:{nameof(RosterServerOptions.PublicBaseUrl)}"] = baseUrl;
                }
            });

            // Without --public-url, the configured public URL (a container listens on 0.0.0.0, which no IdP can reach).
            if (string.IsNullOrWhiteSpace(parse.GetValue(publicUrl))
                && (app.Configuration["Roster:Deployment:PublicBaseUrl"] ?? app.Configuration["Roster:PublicBaseUrl"]) is { Length: > 0 } configured)
            {
                baseUrl = configured.TrimEnd('/');
            }

            foreach (var unknown in RosterSettings.Unknown(app.Configuration))
            {
                await Console.Error.WriteLineAsync($"Warning: {unknown} is not a Roster setting; it is ignored (see 'roster config check').");
            }

            await RosterStorage.MigrateAsync(app.Services, cancellationToken);
            await BootstrapAsync(app, baseUrl, cancellationToken);
            Console.WriteLine($"Roster is listening on {listen}");
            await app.RunAsync(cancellationToken);
            return 0;
        });
        return command;
    }

    private static async Task BootstrapAsync(WebApplication app, string baseUrl, CancellationToken cancellationToken)
    {
        using var scope = app.Services.CreateScope();
        var tenants = await scope.ServiceProvider.GetRequiredService<ListTenants>().ExecuteAsync(cancellationToken);
        if (await TenantBootstrap.FinishAsync(app.Services, tenants, cancellationToken) is { } first)
        {
            Banner.Print(tenants[0], TenantBootstrap.ConnectorUrl(baseUrl, tenants[0].Id), first);
            return;
        }

        if (tenants.Count > 0)
        {
            foreach (var tenant in tenants)
            {
                Console.WriteLine($"Base connector URL of {tenant.Name}: {TenantBootstrap.ConnectorUrl(baseUrl, tenant.Id)}");
            }

            return;
        }

        var (created, token) = await TenantBootstrap.CreateAsync(app.Services, "Default", cancellationToken);
        await TenantBootstrap.CreateAdministratorRoleAsync(app.Services, created.Id, cancellationToken);
        Banner.Print(created, TenantBootstrap.ConnectorUrl(baseUrl, created.Id), token);
        if ((await TenantBootstrap.IssueSetupLinkAsync(app.Services, created.Id, cancellationToken)) is { IsSuccess: true } link)
        {
            Banner.PrintSetupLink(baseUrl, link.Value);
        }
    }
}
