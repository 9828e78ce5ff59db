using System.Data.Common;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Roster.Directory.Database;

/// <summary>
/// Traces the statements EF Core runs itself (OpenIddict's stores, tenants, keys) as the
/// directory's own sessions trace theirs (<see cref="DirectoryActivities"/>): one span per command
/// with its text, whose values are parameters. For providers without tracing of their own (SQLite;
/// Npgsql traces every command already).
/// </summary>
public sealed class TracedCommands : DbCommandInterceptor
{
    private static readonly ConditionalWeakTable<DbCommand, Activity> Running = new();

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        Start(command, result);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Start(command, result));

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
        Start(command, result);

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Start(command, result));

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) =>
        Start(command, result);

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Start(command, result));

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result) => Stop(command, result);

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Stop(command, result));

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result) => Stop(command, result);

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Stop(command, result));

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result) => Stop(command, result);

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Stop(command, result));

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Stop(command, failed: true);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Stop(command, failed: true);
        return Task.CompletedTask;
    }

    private static T Start<T>(DbCommand command, T result)
    {
        var activity = DirectoryActivities.Source.StartActivity("sql", ActivityKind.Client);
        if (activity is not null)
        {
            activity.SetTag(DirectoryActivities.StatementTag, command.CommandText);
            Running.AddOrUpdate(command, activity);
        }

        return result;
    }

    private static T Stop<T>(DbCommand command, T result)
    {
        Stop(command, failed: false);
        return result;
    }

    private static void Stop(DbCommand command, bool failed)
    {
        if (Running.TryGetValue(command, out var activity))
        {
            Running.Remove(command);
            if (failed)
            {
                activity.SetStatus(ActivityStatusCode.Error);
            }

            activity.Dispose();
        }
    }
}
