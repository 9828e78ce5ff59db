using System.Collections.Concurrent;
using Roster.Directory.Domains;

namespace Roster.Console.Tests.Infrastructure;

/// <summary>The TXT records a test has "published": the console's verify button finds exactly these.</summary>
public sealed class StaticDnsRecords : IDnsTxtResolver
{
    private readonly ConcurrentDictionary<string, string[]> _records = new(StringComparer.OrdinalIgnoreCase);

    public void Publish(string name, string value) => _records[name.TrimEnd('.')] = [value];

    public Task<DnsTxtAnswer> LookupAsync(string name, CancellationToken cancellationToken) =>
        Task.FromResult(DnsTxtAnswer.Found(_records.TryGetValue(name.TrimEnd('.'), out var values) ? values : []));
}
