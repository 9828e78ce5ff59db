using System.CommandLine;
using Roster.Directory.AccessKeys;

namespace Roster.Cli.Commands;

/// <summary><c>roster access-keys create|list|deactivate|activate|delete</c>: employees' access keys, as the operator.</summary>
public static class AccessKeysCommand
{
    public static Command Create() => new("access-keys", "Create, list, deactivate, reactivate and delete employees' access keys.")
    {
        CreateCommand(), ListCommand(),
        ChangeCommand("deactivate", "Deactivate a key: it and its tokens stop working at once.", (c, a, id, t) => c.DeactivateAsync(a, id, t)),
        ChangeCommand("activate", "Reactivate a deactivated key.", (c, a, id, t) => c.ActivateAsync(a, id, t)),
        DeleteCommand(),
    };

    private static Option<Guid> KeyOption() => new("--id") { Description = "The key's id (from 'roster access-keys list').", Required = true };

    private static Command CreateCommand()
    {
        var (data, tenant, json) = (CommonOptions.Data(), CommonOptions.Tenant(), CommonOptions.Json());
        var owner = new Option<Guid>("--owner") { Description = "The employee profile (id) the key belongs to; its role must allow employees.edit.", Required = true };
        var command = new Command("create", "Add an access key to a profile; the secret is shown only once.") { data, tenant, owner, json };
        TenantAction.Set(command, data, tenant, async (parse, services, orgId, cancellationToken) =>
        {
            var result = await services.GetRequiredService<CreateAccessKey>().ExecuteAsync(CliActor.For(orgId), parse.GetValue(owner), cancellationToken);
            if (!result.IsSuccess)
            {
                return await CliErrors.ReportAsync(result.Error);
            }

            var issued = result.Value;
            if (parse.GetValue(json))
            {
                Output.Json(new { id = issued.Key.Id, accessKeyId = issued.Key.KeyId, secretAccessKey = issued.Secret, ownerId = issued.Key.OwnerId });
            }
            else
            {
                Console.WriteLine($"Access key ID:      {issued.Key.KeyId}");
                Console.WriteLine($"Secret access key:  {issued.Secret}");
                Console.WriteLine("The secret is shown only now; a lost secret means a new key.");
            }

            return 0;
        });
        return command;
    }

    private static Command ListCommand()
    {
        var (data, tenant, json) = (CommonOptions.Data(), CommonOptions.Tenant(), CommonOptions.Json());
        var owner = new Option<Guid?>("--owner") { Description = "Only this profile's keys." };
        var command = new Command("list", "List access keys (never their secrets).") { data, tenant, owner, json };
        TenantAction.Set(command, data, tenant, async (parse, services, orgId, cancellationToken) =>
        {
            var keys = await services.GetRequiredService<ListAccessKeys>().ExecuteAsync(orgId, parse.GetValue(owner), cancellationToken);
            if (parse.GetValue(json))
            {
                Output.Json(keys);
                return 0;
            }

            foreach (var key in keys)
            {
                Console.WriteLine($"{key.Id}  {key.KeyId}  ...{key.SecretHint}  owner {key.OwnerUserName}  created {key.Created:yyyy-MM-dd}  last used {key.LastUsed:yyyy-MM-dd HH:mm}  {(key.Active ? "active" : "deactivated")}");
            }

            return 0;
        });
        return command;
    }

    private static Command ChangeCommand(string name, string description, Func<ChangeAccessKey, Directory.Administration.AdminActor, Guid, CancellationToken, Task<Directory.Administration.AdminResult<AccessKey>>> change)
    {
        var (data, tenant, json, id) = (CommonOptions.Data(), CommonOptions.Tenant(), CommonOptions.Json(), KeyOption());
        var command = new Command(name, description) { data, tenant, id, json };
        TenantAction.Set(command, data, tenant, async (parse, services, orgId, cancellationToken) =>
        {
            var result = await change(services.GetRequiredService<ChangeAccessKey>(), CliActor.For(orgId), parse.GetValue(id), cancellationToken);
            if (!result.IsSuccess)
            {
                return await CliErrors.ReportAsync(result.Error);
            }

            if (parse.GetValue(json))
            {
                Output.Json(result.Value);
            }
            else
            {
                Console.WriteLine($"{result.Value.KeyId} is {(result.Value.Active ? "active" : "deactivated")}.");
            }

            return 0;
        });
        return command;
    }

    private static Command DeleteCommand()
    {
        var (data, tenant, id) = (CommonOptions.Data(), CommonOptions.Tenant(), KeyOption());
        var command = new Command("delete", "Delete a key for good.") { data, tenant, id };
        TenantAction.Set(command, data, tenant, async (parse, services, orgId, cancellationToken) =>
        {
            var result = await services.GetRequiredService<ChangeAccessKey>().DeleteAsync(CliActor.For(orgId), parse.GetValue(id), cancellationToken);
            if (!result.IsSuccess)
            {
                return await CliErrors.ReportAsync(result.Error);
            }

            Console.WriteLine("Deleted.");
            return 0;
        });
        return command;
    }
}
