using System.Diagnostics;

namespace Roster.Directory.Database;

/// <summary>
/// Traces of the directory's SQL: one activity per statement, with the statement text (values
/// are parameters, never in the text) and the tenant. Free when nothing listens; OpenTelemetry
/// can subscribe to <see cref="SourceName"/>.
/// </summary>
public static class DirectoryActivities
{
    public const string SourceName = "Roster.Directory";

    /// <summary>The tag holding the SQL text.</summary>
    public const string StatementTag = "db.query.text";

    /// <summary>The tag holding the tenant the statement ran for.</summary>
    public const string TenantTag = "roster.tenant_id";

    internal static ActivitySource Source { get; } = new(SourceName);
}
