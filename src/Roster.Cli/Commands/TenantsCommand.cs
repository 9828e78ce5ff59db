using System.CommandLine;

namespace Roster.Cli.Commands;

/// <summary><c>roster tenants create|list</c>.</summary>
public static class TenantsCommand
{
    public static Command Create() => new("tenants", "Create and list tenants.") { CreateTenant(), ListTenants() };

    private static Command CreateTenant()
    {
        var data = CommonOptions.Data();
        var json = CommonOptions.Json();
        var name = new Option<string>("--name") { Description = "The tenant's name.", Required = true };
        var command = new Command("create", "Create a tenant (its org ID is generated and never changes).") { data, name, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = await CliServices.OpenAsync(parse.GetValue(data)!, cancellationToken);
            using var scope = services.CreateScope();
            var tenant = await scope.ServiceProvider.GetRequiredService<Roster.Directory.Tenants.CreateTenant>().ExecuteAsync(parse.GetValue(name)!, cancellationToken);
            if (parse.GetValue(json))
            {
                Output.Json(new { orgId = tenant.Id, name = tenant.Name, created = tenant.Created });
            }
            else
            {
                Console.WriteLine($"Created tenant {tenant.Name} with org ID {tenant.Id}");
            }

            return 0;
        });
        return command;
    }

    private static Command ListTenants()
    {
        var data = CommonOptions.Data();
        var json = CommonOptions.Json();
        var command = new Command("list", "List tenants.") { data, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = await CliServices.OpenAsync(parse.GetValue(data)!, cancellationToken);
            using var scope = services.CreateScope();
            var tenants = await scope.ServiceProvider.GetRequiredService<Roster.Directory.Tenants.ListTenants>().ExecuteAsync(cancellationToken);
            if (parse.GetValue(json))
            {
                Output.Json(tenants.Select(t => new { orgId = t.Id, name = t.Name, created = t.Created }));
                return 0;
            }

            foreach (var tenant in tenants)
            {
                Console.WriteLine($"{tenant.Id}  {tenant.Name}  created {tenant.Created:yyyy-MM-dd}");
            }

            return 0;
        });
        return command;
    }
}
