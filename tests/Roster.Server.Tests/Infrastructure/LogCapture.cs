using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Roster.Server.Tests.Infrastructure;

/// <summary>
/// A logger provider that keeps every entry as the text an operator's log would hold: category,
/// level, message, the structured values, the scopes around it and the exception, so that a
/// test can search everything a server logged.
/// </summary>
public sealed class LogCapture : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> _entries = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyCollection<string> Entries => _entries;

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => capture._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var entry = new StringBuilder().Append(category).Append(' ').Append(logLevel).Append(": ").Append(formatter(state, exception));
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                foreach (var (key, value) in values)
                {
                    entry.Append(" | ").Append(key).Append('=').Append(value);
                }
            }

            capture._scopes.ForEachScope((scope, text) => text.Append(" | scope: ").Append(scope), entry);
            if (exception is not null)
            {
                entry.Append('\n').Append(exception);
            }

            capture._entries.Enqueue(entry.ToString());
        }
    }
}
