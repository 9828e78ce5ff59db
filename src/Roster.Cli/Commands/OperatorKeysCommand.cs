using System.CommandLine;
using Roster.Directory.Operators;

namespace Roster.Cli.Commands;

/// <summary>
/// <c>roster operator-keys create|list|revoke</c>: the keys of the operator API, with which a SaaS
/// vendor's back end creates and removes tenants. A key is shown once, stored as a hash, and
/// works on the operator API only.
/// </summary>
public static class OperatorKeysCommand
{
    public static Command Create() => new("operator-keys", "Create, list and revoke operator keys (the operator API's credential).") { CreateKey(), ListKeys(), RevokeKey() };

    private static Command CreateKey()
    {
        var data = CommonOptions.Data();
        var json = CommonOptions.Json();
        var name = new Option<string>("--name") { Description = $"What uses the key, e.g. 'vendor-backend' (1 to {OperatorKeys.MaxNameLength} characters); the audit names it.", Required = true };
        var command = new Command("create", "Issue an operator key; it is shown only once.") { data, name, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = await CliServices.OpenAsync(parse.GetValue(data)!, cancellationToken);
            var issued = await services.GetRequiredService<OperatorKeys>().CreateAsync(OperatorActor.Cli, parse.GetValue(name)!, cancellationToken);
            if (!issued.IsSuccess)
            {
                return await CliErrors.ReportAsync(issued.Error);
            }

            var key = issued.Value;
            if (parse.GetValue(json))
            {
                Output.Json(new { id = key.Key.Id, name = key.Key.Name, key = key.Secret });
            }
            else
            {
                Console.WriteLine($"Operator key {key.Key.Id} ({key.Key.Name}):");
                Console.WriteLine(key.Secret);
                Console.WriteLine("It is shown only now. Send it as 'Authorization: Bearer <key>' to /api/v1/operator/...");
            }

            return 0;
        });
        return command;
    }

    private static Command ListKeys()
    {
        var data = CommonOptions.Data();
        var json = CommonOptions.Json();
        var command = new Command("list", "List operator keys (never their secrets).") { data, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = await CliServices.OpenAsync(parse.GetValue(data)!, cancellationToken);
            var keys = await services.GetRequiredService<OperatorKeys>().ListAsync(cancellationToken);
            if (parse.GetValue(json))
            {
                Output.Json(keys);
                return 0;
            }

            foreach (var key in keys)
            {
                var state = key.Revoked is { } revoked ? $"revoked {revoked:yyyy-MM-dd}" : "active";
                var used = key.LastUsed is { } last ? $"last used {last:yyyy-MM-dd HH:mm}" : "never used";
                Console.WriteLine($"{key.Id}  {key.Name}  ...{key.Hint}  created {key.Created:yyyy-MM-dd}  {used}  {state}");
            }

            return 0;
        });
        return command;
    }

    private static Command RevokeKey()
    {
        var data = CommonOptions.Data();
        var json = CommonOptions.Json();
        var id = new Option<Guid>("--id") { Description = "The key's id (from 'roster operator-keys list').", Required = true };
        var command = new Command("revoke", "Revoke an operator key at once.") { data, id, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = await CliServices.OpenAsync(parse.GetValue(data)!, cancellationToken);
            var revoked = await services.GetRequiredService<OperatorKeys>().RevokeAsync(OperatorActor.Cli, parse.GetValue(id), cancellationToken);
            if (parse.GetValue(json))
            {
                Output.Json(new { id = parse.GetValue(id), revoked });
            }
            else
            {
                Console.WriteLine(revoked ? "Revoked." : "No such operator key.");
            }

            return revoked ? 0 : 2;
        });
        return command;
    }
}
