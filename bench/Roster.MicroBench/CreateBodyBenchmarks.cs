using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Roster.Directory.Resources;
using Roster.Directory.SchemaExtensions;
using Roster.Scim.Resources;

namespace Roster.MicroBench;

/// <summary>A create body (Okta's shape) into the document stored: parse, normalise against the schema, the stored form as text.</summary>
[MemoryDiagnoser]
public class CreateBodyBenchmarks
{
    private readonly byte[] _body = SampleBodies.CreateUser("ada.lovelace@example.com");
    private readonly Guid _id = Guid.CreateVersion7();

    [Benchmark]
    public JsonObject Parse() => RequestBodyParser.Parse(_body).Value!;

    [Benchmark]
    public string ParseIntoStoredDocument()
    {
        var body = RequestBodyParser.Parse(_body).Value!;
        var user = ResourceNormalizer.Normalize(body, TenantSchemas.Standard.User, ResourceWriteMode.Create).Value!;
        return ResourceDocuments.ForStorage(user, _id).ToJsonString();
    }
}
