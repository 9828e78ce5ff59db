using System.Text.Json.Nodes;

namespace Roster.Scim.Tests.Patching;

/// <summary>
/// The PATCH vectors in <c>Patching/Cases/*.json</c>. Each case has a <c>name</c>, a
/// <c>source</c> (the RFC section or the IdP document it replays), an optional
/// <c>resourceType</c> (User by default), the stored <c>resource</c>, then either
/// <c>operations</c> (wrapped in a PatchOp body) or a whole <c>body</c>, and either the
/// <c>expected</c> resource (its <c>schemas</c> compared only when given) or the expected
/// <c>error</c> (<c>status</c>, <c>scimType</c>, optional <c>detailContains</c>).
/// </summary>
internal static class PatchCases
{
    private static readonly Lazy<IReadOnlyDictionary<string, JsonObject>> Loaded = new(Load);

    public static IReadOnlyDictionary<string, JsonObject> All => Loaded.Value;

    private static Dictionary<string, JsonObject> Load()
    {
        var cases = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        var folder = Path.Combine(AppContext.BaseDirectory, "Patching", "Cases");
        foreach (var file in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var array = JsonNode.Parse(File.ReadAllText(file))?.AsArray()
                ?? throw new InvalidDataException($"{file} is not a JSON array.");
            foreach (var item in array)
            {
                var testCase = item!.AsObject();
                var name = testCase["name"]!.GetValue<string>();
                if (!cases.TryAdd(name, testCase))
                {
                    throw new InvalidDataException($"Case '{name}' appears twice ({Path.GetFileName(file)}).");
                }
            }
        }

        return cases;
    }
}
