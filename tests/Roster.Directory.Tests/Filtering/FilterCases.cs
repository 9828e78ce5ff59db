using System.Text.Json.Nodes;

namespace Roster.Directory.Tests.Filtering;

/// <summary>The data of filter-cases.json: users and groups to seed, and filters with the resources they must match.</summary>
public static class FilterCases
{
    private static readonly Lazy<JsonObject> Data = new(() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Filtering", "filter-cases.json")))!.AsObject());

    public static JsonArray Users => Data.Value["users"]!.AsArray();

    public static JsonArray Groups => Data.Value["groups"]!.AsArray();

    /// <summary>(resource endpoint, filter) pairs for xunit.</summary>
    public static TheoryData<string, string> All
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var item in Data.Value["cases"]!.AsArray())
            {
                data.Add((string?)item!["resource"] ?? "Users", (string)item["filter"]!);
            }

            return data;
        }
    }

    public static IReadOnlyList<string> Expected(string resource, string filter)
    {
        var item = Data.Value["cases"]!.AsArray().Single(c => ((string?)c!["resource"] ?? "Users") == resource && (string)c["filter"]! == filter);
        return [.. item!["expected"]!.AsArray().Select(e => (string)e!)];
    }
}
