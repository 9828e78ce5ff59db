using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Roster.Directory.Audit;
using Roster.Directory.Roles;
using Roster.Server.Admin.Authentication;
using Roster.Server.Admin.Http;

namespace Roster.Server.Admin.Audit;

/// <summary><c>GET /api/v1/orgs/{orgId}/audit-events</c>: the audit log, filtered and cursor-paged; needs <c>audit.view</c>.</summary>
public static class AuditEndpoints
{
    public static void MapAuditEndpoints(this RouteGroupBuilder org)
    {
        ArgumentNullException.ThrowIfNull(org);
        org.MapGet("/audit-events", ListAsync).RequirePermission(Permission.AuditView.Key)
            .WithTags("Audit")
            .WithSummary("Audit events, newest first. Filters: action, resourceType, resourceId, from (inclusive), to (exclusive); pageSize 1-200; cursor from the previous page.");
    }

    private static async Task<Results<Ok<AuditPageDocument>, ProblemHttpResult>> ListAsync(
        Guid orgId,
        ListAuditEvents list,
        CancellationToken cancellationToken,
        string? action = null,
        string? resourceType = null,
        string? resourceId = null,
        string? from = null,
        string? to = null,
        string? pageSize = null,
        string? cursor = null)
    {
        Guid? resource = null;
        if (!string.IsNullOrEmpty(resourceId))
        {
            if (!Guid.TryParse(resourceId, out var parsed))
            {
                return AdminProblems.Validation("resourceId", $"'{resourceId}' is not a resource id (a GUID).");
            }

            resource = parsed;
        }

        if (!TryParseTime(from, out var fromTime))
        {
            return AdminProblems.Validation("from", $"'{from}' is not a date and time; use ISO 8601, e.g. 2026-11-26T00:00:00Z.");
        }

        if (!TryParseTime(to, out var toTime))
        {
            return AdminProblems.Validation("to", $"'{to}' is not a date and time; use ISO 8601, e.g. 2026-11-26T00:00:00Z.");
        }

        var size = AuditQuery.DefaultPageSize;
        if (!string.IsNullOrEmpty(pageSize) && !int.TryParse(pageSize, NumberStyles.None, CultureInfo.InvariantCulture, out size))
        {
            return AdminProblems.Validation("pageSize", $"The page size must be a whole number between 1 and {AuditQuery.MaxPageSize}.");
        }

        var query = new AuditQuery
        {
            Action = NullIfEmpty(action),
            ResourceType = NullIfEmpty(resourceType),
            ResourceId = resource,
            From = fromTime,
            To = toTime,
            PageSize = size,
            Cursor = NullIfEmpty(cursor),
        };
        var result = await list.ExecuteAsync(orgId, query, cancellationToken);
        if (!result.IsSuccess)
        {
            return AdminProblems.From(result.Error);
        }

        var page = result.Value;
        return TypedResults.Ok(new AuditPageDocument([.. page.Events.Select(AuditEventDocument.From)], page.NextCursor));
    }

    private static bool TryParseTime(string? text, out DateTimeOffset? value)
    {
        value = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            value = parsed;
            return true;
        }

        return false;
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
