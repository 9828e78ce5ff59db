using BenchmarkDotNet.Attributes;
using Roster.Directory.Filtering;
using Roster.Directory.SchemaExtensions;
using Roster.Scim.Filtering;
using Roster.Storage.Sqlite;

namespace Roster.MicroBench;

/// <summary>The lookup an IdP makes before every create: <c>userName eq "..."</c>, parsed and translated to SQL.</summary>
[MemoryDiagnoser]
public class FilterBenchmarks
{
    private readonly string _filter = "userName eq \"ada.lovelace@example.com\"";
    private readonly SqliteDialect _dialect = new();
    private readonly object _tenant = new SqliteDialect().Key(Guid.CreateVersion7());

    [Benchmark]
    public FilterNode Parse() => FilterParser.Parse(_filter).Value!;

    [Benchmark]
    public string ParseAndTranslate()
    {
        var filter = FilterParser.Parse(_filter).Value!;
        return new FilterSqlTranslator(_dialect).Translate(filter, ResourceTable.Users, TenantSchemas.Standard.User, new SqlParameters(_tenant)).Value!;
    }
}
