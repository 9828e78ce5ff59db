using System.Text.Json.Nodes;

namespace Roster.Scim.Tests.Filtering;

/// <summary>Reads the data-driven case files copied next to the test assembly.</summary>
internal static class CaseFiles
{
    public static JsonNode Load(string fileName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Filtering", fileName);
        return JsonNode.Parse(File.ReadAllText(path)) ?? throw new InvalidDataException($"{fileName} is empty.");
    }
}
