using System.Collections.Concurrent;
using System.Diagnostics;
using Roster.Directory.Database;

namespace Roster.Directory.Tests.Support;

/// <summary>Records the SQL the directory runs for one tenant, from its activity source.</summary>
public sealed class SqlLog : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly ConcurrentQueue<string> _statements = new();

    public SqlLog(Guid tenantId)
    {
        var tenant = tenantId.ToString();
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == DirectoryActivities.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.GetTagItem(DirectoryActivities.TenantTag) as string == tenant)
                {
                    _statements.Enqueue((string)activity.GetTagItem(DirectoryActivities.StatementTag)!);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public IReadOnlyList<string> Statements => [.. _statements];

    public void Clear() => _statements.Clear();

    public void Dispose() => _listener.Dispose();
}
