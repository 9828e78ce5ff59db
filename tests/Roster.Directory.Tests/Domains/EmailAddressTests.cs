using Roster.Directory.Domains;

namespace Roster.Directory.Tests.Domains;

/// <summary>The one parser of email addresses: strict, so that no look-alike passes for an address of a verified domain.</summary>
public sealed class EmailAddressTests
{
    [Theory]
    [InlineData("ada@example.com", "example.com")]
    [InlineData("Ada.Lovelace+ops@Example.COM", "example.com")]
    [InlineData("o'brien@example.co.uk", "example.co.uk")]
    [InlineData("jürgen@bücher.example", "xn--bcher-kva.example")]
    [InlineData("用户@例え.jp", "xn--r8jz45g.jp")]
    public void An_address_is_parsed_with_its_domain_normalised(string text, string domain)
    {
        var address = EmailAddress.Parse(text, out var problem);

        Assert.Null(problem);
        Assert.Equal(domain, address!.Domain);
        Assert.Equal(text, address.Value);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData(" ada@example.com", "U+0020")]
    [InlineData("ada@example.com ", "U+0020")]
    [InlineData("ada@example.com\u00A0", "U+00A0")]
    [InlineData("ada@exa\u200Bmple.com", "U+200B")]
    [InlineData("ada@example.com\u202E", "U+202E")]
    [InlineData("ada\uFF20example.com", "U+FF20")]
    [InlineData("ada\uFE6Bexample.com", "U+FE6B")]
    [InlineData("ada@\uFF45xample.com", "U+FF45")]
    [InlineData("cafe\u0301@example.com", "normalization form C")]
    [InlineData("ada@evil.example@example.com", "more than one '@'")]
    [InlineData("ada.example.com", "no '@'")]
    [InlineData("@example.com", "nothing comes before")]
    [InlineData(".ada@example.com", "dot")]
    [InlineData("a..da@example.com", "dot")]
    [InlineData("\"ab\"@example.com", "unquoted")]
    [InlineData("ada@example.com.", "not a domain name")]
    [InlineData("ada@localhost", "not a domain name")]
    [InlineData("ada@[192.0.2.1]", "not a domain name")]
    public void A_look_alike_or_a_loose_address_is_refused_saying_why(string text, string reason)
    {
        Assert.Null(EmailAddress.Parse(text, out var problem));
        Assert.Contains(reason, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_local_part_over_64_bytes_is_refused() =>
        Assert.Null(EmailAddress.Parse(new string('a', 65) + "@example.com", out _));

    [Theory]
    [InlineData("ada@example.com", true)]
    [InlineData("ada\uFF20example.com", true)]
    [InlineData("ada\uFE6Bexample.com", true)]
    [InlineData("ada", false)]
    [InlineData("ada\uFF41", false)]
    public void A_value_is_meant_as_an_address_when_it_holds_an_at_sign_or_a_look_alike(string text, bool meant) =>
        Assert.Equal(meant, EmailAddress.IsMeantAsOne(text));

    [Fact]
    public void What_a_person_types_is_trimmed_and_composed_first()
    {
        Assert.Equal("café@example.com", EmailAddress.FromTyped("  cafe\u0301@example.com\n", out _)!.Value);
    }
}
