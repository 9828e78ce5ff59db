using FsCheck;
using FsCheck.Fluent;
using Roster.Scim.Errors;
using Roster.Scim.Patching;
using Roster.Scim.Tests.Hostile;

namespace Roster.Scim.Tests.Patching;

/// <summary>The PATCH path parser on adversarial text, and printing then parsing a path.</summary>
public sealed class PatchPathPropertyTests
{
    [HostileProperty(3000)]
    public Property Parse_gives_a_path_or_invalidPath(HostileText input) =>
        HostileCall.Holds(input.Text, () =>
        {
            var result = PatchPathParser.Parse(input.Text);
            return result.IsSuccess || result.Error.ScimType == ScimErrorTypes.InvalidPath
                ? result.Error
                : throw new InvalidOperationException($"Expected invalidPath, got {result.Error.ScimType}");
        });

    [HostileProperty(2000)]
    public Property Print_then_parse_gives_the_same_path(PatchPath path)
    {
        var text = path.ToString();
        var parsed = PatchPathParser.Parse(text);

        return (parsed.IsSuccess && parsed.Value == path).Label($"{text} -> {(parsed.IsSuccess ? parsed.Value.ToString() : parsed.Error.Detail)}");
    }

    [Theory]
    [InlineData(10_000)]
    [InlineData(100_000)]
    public void A_huge_value_path_is_invalidPath_with_a_short_detail(int depth)
    {
        var text = "emails" + new string('[', depth) + "value pr" + new string(']', depth) + ".value";

        var result = PatchPathParser.Parse(text);

        Assert.False(result.IsSuccess);
        Assert.Equal(ScimErrorTypes.InvalidPath, result.Error.ScimType);
        Assert.True(result.Error.Detail.Length < 500, $"{result.Error.Detail.Length} characters of detail");
    }

    [Theory]
    [InlineData("emails[value eq \"x\"].")]
    [InlineData("emails[value eq \"x\"]]")]
    [InlineData("name.givenName[value pr]")]
    [InlineData("a:b")]
    public void An_invalid_path_of_100000_characters_is_invalidPath_with_a_short_detail(string tail)
    {
        var result = PatchPathParser.Parse(new string('a', 100_000) + tail);

        Assert.False(result.IsSuccess);
        Assert.Equal(ScimErrorTypes.InvalidPath, result.Error.ScimType);
        Assert.True(result.Error.Detail.Length < 500, $"{result.Error.Detail.Length} characters of detail");
    }

    [Fact]
    public void A_member_filter_with_a_lone_surrogate_is_invalidPath()
    {
        var result = PatchPathParser.Parse("members[value co \"\\ud800\"]");

        Assert.False(result.IsSuccess);
        Assert.Equal(ScimErrorTypes.InvalidPath, result.Error.ScimType);
        Assert.Contains("lone UTF-16 surrogate", result.Error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_path_with_a_10000_character_filter_is_invalidPath()
    {
        var text = "emails[" + string.Join(" or ", Enumerable.Repeat("value eq \"x\"", 1_000)) + "].value";

        var result = PatchPathParser.Parse(text);

        Assert.False(result.IsSuccess);
        Assert.Equal(ScimErrorTypes.InvalidPath, result.Error.ScimType);
    }
}
