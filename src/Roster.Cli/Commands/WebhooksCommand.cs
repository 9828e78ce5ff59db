using System.CommandLine;
using Roster.Directory.Webhooks;
using Roster.Server.Webhooks;

namespace Roster.Cli.Commands;

/// <summary>
/// <c>roster webhooks create|list|update|delete|rotate-secret|test|attempts|dead-letters|redeliver</c>:
/// a tenant's webhook endpoints, as the operator. The signing secret is printed once, by create and rotate-secret.
/// </summary>
public static class WebhooksCommand
{
    public static Command Create() => new("webhooks", "Register, change, test and delete webhook endpoints; read their delivery log; redeliver dead letters.")
    {
        CreateCommand(), ListCommand(), UpdateCommand(), DeleteCommand(), RotateCommand(), TestCommand(), AttemptsCommand(), DeadLettersCommand(), RedeliverCommand(),
    };

    private static Option<Guid> IdOption() => new("--id") { Description = "The endpoint's id (from 'roster webhooks list').", Required = true };

    private static Option<string[]> TypesOption() => new("--event-type")
    {
        Description = "An event type or family (user.created, group.*) to send; repeat it for several. None: every type.",
        AllowMultipleArgumentsPerToken = true,
    };

    private static Command CreateCommand()
    {
        var (data, tenant, json) = (CommonOptions.Data(), CommonOptions.Tenant(), CommonOptions.Json());
        var url = new Option<string>("--url") { Description = "Where to send events, e.g. https://hooks.example.com/roster.", Required = true };
        var description = new Option<string?>("--description") { Description = "What the endpoint is for." };
        var types = TypesOption();
        var command = new Command("create", "Register an endpoint; its signing secret is shown only once.") { data, tenant, url, description, types, json };
        TenantAction.Set(command, data, tenant, async (parse, services, orgId, cancellationToken) =>
        {
            var draft = new WebhookDraft { Url = parse.GetValue(url), Description = parse.GetValue(description), EventTypes = parse.GetValue(types) ?? [] };
            var result = await services.GetRequiredService<CreateWebhookEndpoint>().ExecuteAsync(CliActor.For(orgId), draft, cancellationToken);
            if (!result.IsSuccess)
            {
                return await CliErrors.ReportAsync(result.Error);
            }

            PrintIssued(result.Value, parse.GetValue(json));
            return 0;
        });
        return command;
    }

    private static Command ListCommand()
    {
        var (data, tenant, json) = (CommonOptions.Data(), CommonOptions.Tenant(), CommonOptions.Json());
        var command = new Command("list", "List the endpoints (never their secrets) with their pending and dead-letter counts.") { data, tenant, json };
        TenantAction.Set(command, data, tenant, async (parse, services, orgId, cancellationToken) =>
        {
            var endpoints = await services.GetRequiredService<ListWebhookEndpoints>().ExecuteAsync(orgId, cancellationToken);
            if (parse.GetValue(json))
            {
                Output.Json(endpoints);
                return 0;
            }

            foreach (var e in endpoints)
            {
                var state = !e.Enabled ? "disabled" : e.FailingSince is { } since ? $"failing since {since:yyyy-MM-dd HH:mm}" : "delivering";
                Console.WriteLine($"{e.Id}  {e.Url}  [{(e.EventTypes.Count == 0 ? "all" : string.Join(' ', e.EventTypes))}]  {state}  pending {e.Pending}  dead {e.Dead}");
            }

            return 0;
        });
        return command;
    }

    private static Command UpdateCommand()
    {
        var (data, tenant, json, id) = (CommonOptions.Data(), CommonOptions.Tenant(), CommonOptions.Json(), IdOption());
        var url = new Option<string?>("--url") { Description = "A new URL." };
        var description = new Option<string?>("--description") { Description = "A new description." };
        var types = TypesOption();
        var enabled = new Option<bool?>("--enabled") { Description = "true to send (again, with the back-off reset), false to stop sending." };
        var command = new Command("update", "Change an endpoint; options not given keep their value.") { data, tenant, id, url, description, types, enabled, json };
        TenantAction.Set(command, data, tenant, async (parse, services, orgId, cancellationToken) =>
        {
            var given = parse.GetValue(types);
            var draft = new WebhookDraft
            {
                Url = parse.GetValue(url),
                Description = parse.GetValue(description),
                EventTypes = given is { Length: > 0 } ? given : null,
                Enabled = parse.GetValue(enabled),
            };
            var result = await services.GetRequiredService<ChangeWebhookEndpoint>().UpdateAsync(CliActor.For(orgId), parse.GetValue(id), draft, cancellationToken);
            return await PrintAsync(result, parse.GetValue(json));
        });
        return command;
    }

    private static Command DeleteCommand()
    {
        var (data, tenant, id) = (CommonOptions.Data(), CommonOptions.Tenant(), IdOption());
        var command = new Command("delete", "Delete an endpoint with its deliveries and log.") { data, tenant, id };
        TenantAction.Set(command, data, tenant, async (parse, services, orgId, cancellationToken) =>
        {
            var result = await services.GetRequiredService<ChangeWebhookEndpoint>().DeleteAsync(CliActor.For(orgId), parse.GetValue(id), cancellationToken);
            if (!result.IsSuccess)
            {
                return await CliErrors.ReportAsync(result.Error);
            }

            Console.WriteLine($"Deleted {result.Value.Url}.");
            return 0;
        });
        return command;
    }

    private static Command RotateCommand()
    {
        var (data, tenant, json, id) = (CommonOptions.Data(), CommonOptions.Tenant(), CommonOptions.Json(), IdOption());
        var keep = new Option<double?>("--keep-previous-hours") { Description = "How long the current secret keeps signing beside the new one (24; 0 stops it at once; at most 168)." };
        var command = new Command("rotate-secret", "A new signing secret, shown only once; the current one keeps signing for an overlap.") { data, tenant, id, keep, json };
        TenantAction.Set(command, data, tenant, async (parse, services, orgId, cancellationToken) =>
        {
            var hours = parse.GetValue(keep);
            var result = await services.GetRequiredService<ChangeWebhookEndpoint>().RotateSecretAsync(
                CliActor.For(orgId), parse.GetValue(id), hours is { } h ? TimeSpan.FromHours(h) : null, cancellationToken);
            if (!result.IsSuccess)
            {
                return await CliErrors.ReportAsync(result.Error);
            }

            PrintIssued(result.Value, parse.GetValue(json));
            return 0;
        });
        return command;
    }

    private static Command TestCommand()
    {
        var (data, tenant, json, id) = (CommonOptions.Data(), CommonOptions.Tenant(), CommonOptions.Json(), IdOption());
        var command = new Command("test", "Send a signed webhook.test event now and say what the endpoint answered (exit 3 when it did not answer 2xx).") { data, tenant, id, json };
        TenantAction.Set(command, data, tenant, async (parse, services, orgId, cancellationToken) =>
        {
            var result = await services.GetRequiredService<WebhookTestEvent>().SendAsync(CliActor.For(orgId), parse.GetValue(id), cancellationToken);
            if (!result.IsSuccess)
            {
                return await CliErrors.ReportAsync(result.Error);
            }

            var outcome = result.Value;
            if (parse.GetValue(json))
            {
                Output.Json(new { succeeded = outcome.Succeeded, status = outcome.Status, response = outcome.Response, error = outcome.Error, durationMs = (int)outcome.Duration.TotalMilliseconds });
            }
            else
            {
                Console.WriteLine(outcome.Status is { } status ? $"Answered {status} in {outcome.Duration.TotalMilliseconds:0} ms: {outcome.Response}" : outcome.Error);
            }

            return outcome.Succeeded ? 0 : 3;
        });
        return command;
    }

    private static Command AttemptsCommand()
    {
        var (data, tenant, json, id) = (CommonOptions.Data(), CommonOptions.Tenant(), CommonOptions.Json(), IdOption());
        var limit = new Option<int>("--limit") { Description = "How many log lines, newest first (1-200).", DefaultValueFactory = _ => 50 };
        var command = new Command("attempts", "The delivery log: each request, its answer (status and first bytes), duration and attempt, newest first.") { data, tenant, id, limit, json };
        TenantAction.Set(command, data, tenant, async (parse, services, orgId, cancellationToken) =>
        {
            var result = await services.GetRequiredService<ListWebhookDeliveries>().AttemptsAsync(orgId, parse.GetValue(id), parse.GetValue(limit), null, cancellationToken);
            if (!result.IsSuccess)
            {
                return await CliErrors.ReportAsync(result.Error);
            }

            if (parse.GetValue(json))
            {
                Output.Json(result.Value);
                return 0;
            }

            foreach (var a in result.Value)
            {
                Console.WriteLine($"{a.Attempted:yyyy-MM-dd HH:mm:ss}  {a.Type}  {a.EventId}  attempt {a.Attempt}  {(a.ResponseStatus?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no answer")}  {a.DurationMs} ms  {a.Error ?? a.Response}");
            }

            return 0;
        });
        return command;
    }

    private static Command DeadLettersCommand()
    {
        var (data, tenant, json, id) = (CommonOptions.Data(), CommonOptions.Tenant(), CommonOptions.Json(), IdOption());
        var command = new Command("dead-letters", "The events given up on, oldest first.") { data, tenant, id, json };
        TenantAction.Set(command, data, tenant, async (parse, services, orgId, cancellationToken) =>
        {
            var result = await services.GetRequiredService<ListWebhookDeliveries>().DeliveriesAsync(
                orgId, parse.GetValue(id), WebhookDeliveryStates.Dead, ListWebhookDeliveries.MaxPageSize, 0, cancellationToken);
            if (!result.IsSuccess)
            {
                return await CliErrors.ReportAsync(result.Error);
            }

            if (parse.GetValue(json))
            {
                Output.Json(result.Value);
                return 0;
            }

            foreach (var d in result.Value)
            {
                Console.WriteLine($"{d.Id}  #{d.Sequence}  {d.Type}  {d.ResourceId}  tries {d.Attempts}  last {d.LastAttempt:yyyy-MM-dd HH:mm}");
            }

            return 0;
        });
        return command;
    }

    private static Command RedeliverCommand()
    {
        var (data, tenant, id) = (CommonOptions.Data(), CommonOptions.Tenant(), IdOption());
        var delivery = new Option<Guid?>("--delivery") { Description = "One dead letter's id (from 'roster webhooks dead-letters'); without it, all of them." };
        var command = new Command("redeliver", "Send dead letters again, in order; the endpoint is enabled again.") { data, tenant, id, delivery };
        TenantAction.Set(command, data, tenant, async (parse, services, orgId, cancellationToken) =>
        {
            var result = await services.GetRequiredService<ChangeWebhookEndpoint>().RedeliverAsync(CliActor.For(orgId), parse.GetValue(id), parse.GetValue(delivery), cancellationToken);
            if (!result.IsSuccess)
            {
                return await CliErrors.ReportAsync(result.Error);
            }

            Console.WriteLine($"{result.Value} dead letters go out again; a running 'roster serve' sends them.");
            return 0;
        });
        return command;
    }

    private static void PrintIssued(IssuedWebhookSecret issued, bool json)
    {
        if (json)
        {
            Output.Json(new { id = issued.Endpoint.Id, url = issued.Endpoint.Url, eventTypes = issued.Endpoint.EventTypes, secret = issued.Secret });
            return;
        }

        Console.WriteLine($"Endpoint:        {issued.Endpoint.Id}  {issued.Endpoint.Url}");
        Console.WriteLine($"Signing secret:  {issued.Secret}");
        Console.WriteLine("The secret is shown only now; the receiver verifies each delivery's webhook-signature with it.");
    }

    private static async Task<int> PrintAsync(Directory.Administration.AdminResult<WebhookEndpoint> result, bool json)
    {
        if (!result.IsSuccess)
        {
            return await CliErrors.ReportAsync(result.Error);
        }

        var e = result.Value;
        if (json)
        {
            Output.Json(e);
        }
        else
        {
            Console.WriteLine($"{e.Id}  {e.Url}  [{(e.EventTypes.Count == 0 ? "all" : string.Join(' ', e.EventTypes))}]  {(e.Enabled ? "enabled" : "disabled")}");
        }

        return 0;
    }
}
