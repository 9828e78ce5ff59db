using System.Text;
using Roster.Scim.Errors;
using Roster.Scim.Resources;

namespace Roster.Scim.Tests.Resources;

public sealed class RequestBodyParserTests
{
    [Theory]
    [InlineData("", "empty")]
    [InlineData("null", "not null")]
    [InlineData("[{\"userName\":\"a\"}]", "not an array")]
    [InlineData("\"x\"", "not a string")]
    [InlineData("12", "not a number")]
    [InlineData("{\"userName\":\"a\"", "not valid JSON")]
    [InlineData("{\"userName\":\"a\",}", "not valid JSON")]
    [InlineData("{\"userName\":\"a\"} {}", "not valid JSON")]
    [InlineData("{\"userName\":1e400} /* c */", "not valid JSON")]
    [InlineData("{\"userName\":\"a\",\"userName\":\"b\"}", "\"userName\" appears twice")]
    [InlineData("{\"userName\":\"a\",\"USERNAME\":\"b\"}", "\"USERNAME\" appears twice")]
    [InlineData("{\"userName\":\"a\",\"name\":{\"givenName\":\"a\",\"givenName\":\"b\"}}", "\"givenName\" appears twice")]
    [InlineData("{\"Operations\":[{\"op\":\"add\",\"value\":{\"emails\":[{\"value\":\"a\",\"Value\":\"b\"}]}}]}", "\"Value\" appears twice")]
    [InlineData("{\"userName\":\"\\ud800\"}", "lone UTF-16 surrogate")]
    [InlineData("{\"userName\":\"\\udc00x\"}", "lone UTF-16 surrogate")]
    [InlineData("{\"\\ud800\":\"a\"}", "lone UTF-16 surrogate")]
    [InlineData("{\"a\":{\"b\":[\"\\ud83d\"]}}", "lone UTF-16 surrogate")]
    public void A_malformed_body_is_invalidSyntax_that_says_why(string json, string expected)
    {
        var result = RequestBodyParser.Parse(Encoding.UTF8.GetBytes(json));

        Assert.False(result.IsSuccess);
        Assert.Equal(ScimErrorTypes.InvalidSyntax, result.Error.ScimType);
        Assert.Contains(expected, result.Error.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"userName\":\"a\\u0000b\"}", "invalidValue", "\"userName\" holds U+0000")]
    [InlineData("{\"userName\":\"a\",\"emails\":[{\"value\":\"\\u0000\"}]}", "invalidValue", "\"value\" holds U+0000")]
    [InlineData("{\"Operations\":[{\"op\":\"add\",\"path\":\"emails[value eq \\\"\\u0000\\\"]\",\"value\":\"x\"}]}", "invalidValue", "\"path\" holds U+0000")]
    [InlineData("{\"filter\":\"userName eq \\\"\\u0000\\\"\"}", "invalidFilter", "\"filter\" holds U+0000")]
    [InlineData("{\"user\\u0000Name\":\"a\"}", "invalidSyntax", "A member name holds U+0000")]
    public void A_NUL_escape_is_refused_saying_where(string json, string scimType, string expected)
    {
        var result = RequestBodyParser.Parse(Encoding.UTF8.GetBytes(json));

        Assert.False(result.IsSuccess);
        Assert.Equal(scimType, result.Error.ScimType);
        Assert.Contains(expected, result.Error.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("\0", result.Error.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(65)]
    [InlineData(5_000)]
    [InlineData(10_000)]
    [InlineData(1_000_000)]
    public void Deep_nesting_is_invalidSyntax_naming_the_limit(int depth)
    {
        var json = "{\"userName\":\"a\",\"x\":" + new string('[', depth) + new string(']', depth) + "}";

        var result = RequestBodyParser.Parse(Encoding.UTF8.GetBytes(json));

        Assert.False(result.IsSuccess);
        Assert.Equal(ScimErrorTypes.InvalidSyntax, result.Error.ScimType);
        Assert.Contains("more than 64 levels deep", result.Error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_up_to_the_limit_parses()
    {
        var json = "{\"x\":" + new string('[', RequestBodyParser.MaxDepth - 1) + new string(']', RequestBodyParser.MaxDepth - 1) + "}";

        Assert.True(RequestBodyParser.Parse(Encoding.UTF8.GetBytes(json)).IsSuccess);
    }

    [Fact]
    public void A_byte_order_mark_is_ignored()
    {
        var result = RequestBodyParser.Parse([0xEF, 0xBB, 0xBF, .. "{\"userName\":\"a\"}"u8]);

        Assert.True(result.IsSuccess, result.Error?.Detail);
        Assert.Equal("a", result.Value["userName"]!.GetValue<string>());
    }

    [Fact]
    public void Escaped_surrogate_pairs_and_huge_numbers_parse()
    {
        var result = RequestBodyParser.Parse("{\"userName\":\"\\ud83d\\ude00\",\"n\":1e400,\"m\":99999999999999999999999}"u8);

        Assert.True(result.IsSuccess, result.Error?.Detail);
        Assert.Equal("\U0001F600", result.Value["userName"]!.GetValue<string>());
    }

    [Fact]
    public void Invalid_utf8_is_invalidSyntax()
    {
        var result = RequestBodyParser.Parse([.. "{\"userName\":\""u8, 0xC3, 0x28, .. "\"}"u8]);

        Assert.Equal(ScimErrorTypes.InvalidSyntax, result.Error?.ScimType);
        Assert.Contains("UTF-8", result.Error!.Detail, StringComparison.Ordinal);
    }
}
