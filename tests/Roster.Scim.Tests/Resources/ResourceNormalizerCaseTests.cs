using System.Text.Json.Nodes;

using Roster.Scim.Resources;
using Roster.Scim.Schemas;

namespace Roster.Scim.Tests.Resources;

/// <summary>
/// Replays <c>normalize-cases.json</c>: a POST or PUT <c>body</c> (User unless
/// <c>resourceType</c> says Group; POST unless <c>mode</c> says Replace) and the <c>expected</c>
/// document or <c>error</c>.
/// </summary>
public sealed class ResourceNormalizerCaseTests
{
    private static readonly Lazy<Dictionary<string, JsonObject>> Cases = new(() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Resources", "normalize-cases.json")))!
            .AsArray()
            .Select(c => c!.AsObject())
            .ToDictionary(c => c["name"]!.GetValue<string>(), StringComparer.Ordinal));

    public static TheoryData<string> CaseNames() => [.. Cases.Value.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Normalize_vector(string name)
    {
        var testCase = Cases.Value[name];
        var resourceType = testCase["resourceType"]?.GetValue<string>() == "Group" ? ScimResourceTypes.Group : ScimResourceTypes.User;
        var mode = testCase["mode"]?.GetValue<string>() == "Replace" ? ResourceWriteMode.Replace : ResourceWriteMode.Create;
        var body = testCase["body"]!.DeepClone().AsObject();
        var untouched = body.DeepClone();

        var result = ResourceNormalizer.Normalize(body, resourceType, mode);

        if (testCase["error"] is JsonObject error)
        {
            Assert.False(result.IsSuccess, $"Expected an error, got {result.Value?.ToJsonString()}");
            Assert.Equal(error["status"]!.GetValue<int>(), (int)result.Error.Status);
            Assert.Equal(error["scimType"]!.GetValue<string>(), result.Error.ScimType);
            Assert.Contains(error["detailContains"]!.GetValue<string>(), result.Error.Detail, StringComparison.Ordinal);
        }
        else
        {
            Assert.True(result.IsSuccess, result.Error?.Detail);
            JsonAssert.Equal(testCase["expected"], result.Value);
        }

        JsonAssert.Equal(untouched, body);
    }
}
