using System.CommandLine;
using Roster.Directory.Events;

namespace Roster.Cli.Commands;

/// <summary><c>roster events list</c>: a tenant's change feed, as the admin API serves it, one event per line (JSON).</summary>
public static class EventsCommand
{
    public static Command Create() => new("events", "Read a tenant's change feed.") { ListCommand() };

    private static Command ListCommand()
    {
        var (data, tenant) = (CommonOptions.Data(), CommonOptions.Tenant());
        var after = new Option<long>("--after") { Description = "The cursor: the sequence of the last event already read (0, the default, for the start)." };
        var limit = new Option<int>("--limit") { Description = "At most this many events (1-1000).", DefaultValueFactory = _ => EventFeedQuery.DefaultLimit };
        var types = new Option<string[]>("--type") { Description = "Only this type or family (user.*); repeat for several.", AllowMultipleArgumentsPerToken = true };
        var command = new Command("list", "Print the events after a cursor, in commit order, one JSON object per line; the last line to stderr says the next cursor.") { data, tenant, after, limit, types };
        TenantAction.Set(command, data, tenant, async (parse, services, orgId, cancellationToken) =>
        {
            var query = new EventFeedQuery { After = parse.GetValue(after), Limit = parse.GetValue(limit), Types = parse.GetValue(types) ?? [] };
            var result = await services.GetRequiredService<ReadEventFeed>().ExecuteAsync(orgId, query, cancellationToken);
            if (!result.IsSuccess)
            {
                return await CliErrors.ReportAsync(result.Error);
            }

            foreach (var e in result.Value.Events)
            {
                Console.WriteLine(e.Json);
            }

            await Console.Error.WriteLineAsync($"next cursor {result.Value.Next}, head {result.Value.Head}");
            return 0;
        });
        return command;
    }
}
