using System.Text.Json.Serialization;

namespace Roster.Bench.Reporting;

/// <summary>Source-generated serialization for <see cref="BenchReport"/>.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(BenchReport))]
internal sealed partial class BenchReportJsonContext : JsonSerializerContext;
