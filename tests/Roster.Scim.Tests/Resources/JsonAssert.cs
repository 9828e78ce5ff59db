using System.Text.Json;
using System.Text.Json.Nodes;

using Xunit.Sdk;

namespace Roster.Scim.Tests.Resources;

/// <summary>Structural JSON equality (member order ignored, array order kept) with a readable failure.</summary>
internal static class JsonAssert
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static void Equal(JsonNode? expected, JsonNode? actual)
    {
        if (!JsonNode.DeepEquals(expected, actual))
        {
            throw new XunitException(
                $"JSON differs.{Environment.NewLine}Expected:{Environment.NewLine}{expected?.ToJsonString(Indented) ?? "null"}"
                + $"{Environment.NewLine}Actual:{Environment.NewLine}{actual?.ToJsonString(Indented) ?? "null"}");
        }
    }

    public static void Equal(string expectedJson, JsonNode? actual) => Equal(JsonNode.Parse(expectedJson), actual);

    public static JsonObject Object(string json) =>
        JsonNode.Parse(json)?.AsObject() ?? throw new ArgumentException("Not a JSON object.", nameof(json));
}
