using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Roster.Directory.Database;
using Roster.Directory.Telemetry;
using Roster.Directory.Tests.Support;
using Roster.Scim.Patching;

namespace Roster.Directory.Tests.Telemetry;

/// <summary>Every SCIM change is one log line and one measurement, and neither carries what was sent.</summary>
public sealed class DirectoryChangeLogTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Each_change_is_one_log_line_with_tenant_client_operation_and_outcome_and_no_value_sent()
    {
        var lines = new CapturedLog();
        await using var directory = await TestDirectory.CreateAsync(configure: s => s.AddLogging(l => l.AddProvider(lines).SetMinimumLevel(LogLevel.Debug)));
        var marker = $"marker{Guid.NewGuid():N}";

        var created = (await directory.Users.CreateAsync(
            directory.Caller,
            new UserBuilder($"{marker}@example.com").WithDisplayName(marker).WithPassword($"{marker}-Secret!1").Build(),
            None)).Ok();
        var operations = PatchRequestReader.Read(JsonNode.Parse($$"""{"Operations": [{"op": "replace", "path": "title", "value": "{{marker}}"}]}""")!).GetValueOrThrow();
        (await directory.Users.PatchAsync(directory.Caller, created.Id, operations, null, false, None)).Ok();
        var taken = await directory.Users.CreateAsync(directory.Caller, new UserBuilder($"{marker}@example.com").Build(), None);
        (await directory.Users.DeleteAsync(directory.Caller, created.Id, null, None)).Ok();

        Assert.False(taken.IsSuccess);
        var changes = lines.Entries.Where(e => e.EventId == 4001).ToList();
        Assert.Equal(["create", "patch", "create", "delete"], changes.Select(e => (string)e.Values["Operation"]!));
        Assert.Equal([DirectoryChangeLog.Succeeded, DirectoryChangeLog.Succeeded, "uniqueness", DirectoryChangeLog.Succeeded], changes.Select(e => (string)e.Values["Outcome"]!));

        // Off by default when it succeeded (the audit log and the meter have it), on when it failed.
        Assert.Equal([LogLevel.Debug, LogLevel.Debug, LogLevel.Information, LogLevel.Debug], changes.Select(e => e.Level));
        Assert.All(changes, e =>
        {
            Assert.Equal(directory.Caller.TenantId, e.Values["TenantId"]);
            Assert.Equal(directory.Caller.Client, e.Values["Client"]);
            Assert.Equal("User", e.Values["ResourceType"]);
        });
        Assert.DoesNotContain(lines.Entries, e => e.Message.Contains(marker, StringComparison.OrdinalIgnoreCase)
            || e.Message.Contains(created.Id, StringComparison.OrdinalIgnoreCase)
            || e.Values.Values.Any(v => v?.ToString()?.Contains(marker, StringComparison.OrdinalIgnoreCase) == true));
    }

    [Fact]
    public async Task Each_change_is_measured_on_the_directory_meter_by_type_operation_and_outcome()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var measured = new ConcurrentBag<(double Seconds, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == DirectoryMetrics.MeterName && instrument.Name == "roster.directory.change.duration")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
            measured.Add((value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
        listener.Start();

        var group = await directory.Groups.CreateAsync(directory.Caller, new JsonObject { ["displayName"] = $"Measured {Guid.NewGuid():N}" }, None);

        Assert.True(group.IsSuccess);
        Assert.Contains(measured, m => m.Seconds >= 0
            && (string?)m.Tags["roster.resource.type"] == "Group"
            && (string?)m.Tags["roster.operation"] == "create"
            && (string?)m.Tags["roster.outcome"] == DirectoryChangeLog.Succeeded);
    }

    private sealed record Entry(LogLevel Level, int EventId, string Message, IReadOnlyDictionary<string, object?> Values);

    /// <summary>Keeps every line logged, with its structured values.</summary>
    private sealed class CapturedLog : ILoggerProvider, ILogger
    {
        public ConcurrentQueue<Entry> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state as IEnumerable<KeyValuePair<string, object?>> ?? [];
            Entries.Enqueue(new Entry(logLevel, eventId.Id, formatter(state, exception), values.ToDictionary(v => v.Key, v => v.Value)));
        }

        public void Dispose()
        {
        }
    }
}
