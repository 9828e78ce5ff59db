using System.Text.Json.Nodes;

using Roster.Scim.Errors;
using Roster.Scim.Patching;
using Roster.Scim.Schemas;
using Roster.Scim.Tests.Resources;

namespace Roster.Scim.Tests.Patching;

/// <summary>Replays every vector of <see cref="PatchCases"/> through the reader and the engine.</summary>
public sealed class PatchCaseTests
{
    public static TheoryData<string> CaseNames()
    {
        var names = new TheoryData<string>();
        foreach (var name in PatchCases.All.Keys)
        {
            names.Add(name);
        }

        return names;
    }

    [Fact]
    public void There_are_at_least_150_patch_vectors() => Assert.True(PatchCases.All.Count >= 150, $"Only {PatchCases.All.Count} vectors.");

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Patch_vector(string name)
    {
        var testCase = PatchCases.All[name];
        var resourceType = testCase["resourceType"]?.GetValue<string>() == "Group" ? ScimResourceTypes.Group : ScimResourceTypes.User;
        var resource = testCase["resource"]!.DeepClone().AsObject();
        var untouched = resource.DeepClone();
        var body = testCase["body"]?.DeepClone() ?? new JsonObject
        {
            ["schemas"] = new JsonArray(SchemaUris.PatchOp),
            ["Operations"] = testCase["operations"]!.DeepClone(),
        };

        var read = PatchRequestReader.Read(body);
        var result = read.IsSuccess ? PatchEngine.Apply(resource, read.Value, resourceType) : ScimResult<JsonObject>.Failure(read.Error);

        if (testCase["error"] is JsonObject error)
        {
            Assert.False(result.IsSuccess, $"Expected an error, got {result.Value?.ToJsonString()}");
            Assert.Equal(error["status"]!.GetValue<int>(), (int)result.Error.Status);
            Assert.Equal(error["scimType"]?.GetValue<string>(), result.Error.ScimType);
            if (error["detailContains"]?.GetValue<string>() is { } fragment)
            {
                Assert.Contains(fragment, result.Error.Detail, StringComparison.Ordinal);
            }
        }
        else
        {
            Assert.True(result.IsSuccess, result.Error?.Detail);
            var expected = testCase["expected"]!.AsObject();
            var actual = result.Value;
            if (!expected.ContainsKey("schemas"))
            {
                actual.Remove("schemas");
            }

            JsonAssert.Equal(expected, actual);
        }

        JsonAssert.Equal(untouched, resource);
    }
}
