using Roster.Directory.Domains;

namespace Roster.Directory.Tests.Domains;

public sealed class DomainNameTests
{
    [Theory]
    [InlineData("Example.COM", "example.com")]
    [InlineData(" example.com. ", "example.com")]
    [InlineData("bücher.example", "xn--bcher-kva.example")]
    [InlineData("BÜCHER.example", "xn--bcher-kva.example")]
    [InlineData("xn--bcher-kva.example", "xn--bcher-kva.example")]
    [InlineData("例え.テスト", "xn--r8jz45g.xn--zckzah")]
    [InlineData("a-b.c1.example", "a-b.c1.example")]
    public void Normalize_lower_cases_and_maps_IDN_to_punycode(string input, string expected) =>
        Assert.Equal(expected, DomainName.Normalize(input));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("localhost")]
    [InlineData("exa mple.com")]
    [InlineData("-bad.example")]
    [InlineData("bad-.example")]
    [InlineData("a..example")]
    [InlineData("under_score.example")]
    [InlineData("user@example.com")]
    [InlineData("10.0.0.1")]
    [InlineData("https://example.com")]
    public void Normalize_refuses_what_is_not_a_host_name(string input) => Assert.Null(DomainName.Normalize(input));

    [Fact]
    public void Normalize_refuses_labels_over_63_characters() =>
        Assert.Null(DomainName.Normalize(new string('a', 64) + ".example"));
}
