using System.CommandLine;
using Roster.Directory.Audit;

namespace Roster.Cli.Commands;

/// <summary><c>roster audit list</c>: a tenant's audit log, newest first.</summary>
public static class AuditCommand
{
    public static Command Create() => new("audit", "Read a tenant's audit log.") { ListCommand() };

    private static Command ListCommand()
    {
        var (data, tenant, json) = (CommonOptions.Data(), CommonOptions.Tenant(), CommonOptions.Json());
        var action = new Option<string?>("--action") { Description = "Only events of this action, e.g. Role or Employee.create." };
        var resourceType = new Option<string?>("--resource-type") { Description = "Only events on this resource type, e.g. Role or Employee." };
        var resourceId = new Option<Guid?>("--resource-id") { Description = "Only events on this resource." };
        var from = new Option<DateTimeOffset?>("--from") { Description = "Only events at or after this time (ISO 8601)." };
        var to = new Option<DateTimeOffset?>("--to") { Description = "Only events before this time (ISO 8601)." };
        var pageSize = new Option<int>("--page-size") { Description = $"Events per page (1-{AuditQuery.MaxPageSize}).", DefaultValueFactory = _ => AuditQuery.DefaultPageSize };
        var cursor = new Option<string?>("--cursor") { Description = "The next-page cursor printed by the previous page." };
        var command = new Command("list", "List audit events, newest first.") { data, tenant, action, resourceType, resourceId, from, to, pageSize, cursor, json };
        TenantAction.Set(command, data, tenant, async (parse, services, orgId, cancellationToken) =>
        {
            var query = new AuditQuery
            {
                Action = parse.GetValue(action),
                ResourceType = parse.GetValue(resourceType),
                ResourceId = parse.GetValue(resourceId),
                From = parse.GetValue(from),
                To = parse.GetValue(to),
                PageSize = parse.GetValue(pageSize),
                Cursor = parse.GetValue(cursor),
            };
            var result = await services.GetRequiredService<ListAuditEvents>().ExecuteAsync(orgId, query, cancellationToken);
            if (!result.IsSuccess)
            {
                return await CliErrors.ReportAsync(result.Error);
            }

            var page = result.Value;
            if (parse.GetValue(json))
            {
                Output.Json(new { events = page.Events, nextCursor = page.NextCursor });
                return 0;
            }

            foreach (var e in page.Events)
            {
                Console.WriteLine($"{e.Occurred:yyyy-MM-dd HH:mm:ss}  {e.Action}  {e.ResourceType} {e.ResourceId}  by {e.Client}{(e.ActorProfileId is { } p ? $" (profile {p})" : "")}  {e.Changes.ToJsonString()}");
            }

            if (page.NextCursor is not null)
            {
                Console.WriteLine($"More: --cursor {page.NextCursor}");
            }

            return 0;
        });
        return command;
    }
}
