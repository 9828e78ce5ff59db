using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Roster.Directory.SchemaExtensions;
using Roster.Scim.Patching;
using Roster.Scim.Resources;

namespace Roster.MicroBench;

/// <summary>PATCH on a stored user as the use case does it: the stored document and the body parsed, the operations read and applied.</summary>
[MemoryDiagnoser]
public class PatchBenchmarks
{
    private readonly string _stored = StoredUser.Document;

    [Benchmark]
    public JsonObject OktaDeactivate() => Apply(SampleBodies.OktaDeactivate);

    [Benchmark]
    public JsonObject EntraRename() => Apply(SampleBodies.EntraRename);

    private JsonObject Apply(byte[] body)
    {
        var stored = JsonNode.Parse(_stored)!.AsObject();
        var operations = PatchRequestReader.Read(RequestBodyParser.Parse(body).Value).Value!;
        return PatchEngine.Apply(stored, operations, TenantSchemas.Standard.User).Value!;
    }
}
