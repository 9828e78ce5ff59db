using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using Roster.Directory.Resources;

namespace Roster.Directory.Domains;

/// <summary>
/// What Roster takes for an email address, decided in this one place for sign-in, the
/// verified-domain policy, the userName-is-the-email policy and the profiles administrators
/// create. Strict on purpose, because each of those acts on the domain it finds: exactly one
/// ASCII '@'; no space, control or invisible character anywhere (<see cref="InvisibleCharacters"/>);
/// nothing that Unicode compatibility normalisation (NFKC) would change, which refuses the
/// fullwidth '＠' (U+FF20), the small '﹫' (U+FE6B), fullwidth letters and every other
/// look-alike form; a dot-atom local part (RFC 5322 section 3.2.3, with the letters, marks and
/// digits of any script that RFC 6531 allows) of at most 64 bytes; and a domain that
/// <see cref="DomainName"/> accepts, without a trailing dot. Quoted local parts, comments and
/// address literals are refused: no identity provider sends them.
/// </summary>
/// <param name="Value">The address exactly as given.</param>
/// <param name="LocalPart">The part before the '@'.</param>
/// <param name="Domain">The domain, normalised as <see cref="DomainName.Normalize"/> does (lower-case punycode).</param>
public sealed record EmailAddress(string Value, string LocalPart, string Domain)
{
    public const int MaxLength = 254;

    private const int MaxLocalPartBytes = 64;

    private const string AtomSymbols = "!#$%&'*+-/=?^_`{|}~";

    /// <summary>The address, or null with <paramref name="problem"/> saying what is wrong in words a person can act on.</summary>
    public static EmailAddress? Parse(string? text, out string? problem)
    {
        problem = Problem(text, out var address);
        return address;
    }

    /// <summary>True when <paramref name="text"/> is an email address by <see cref="Parse"/>'s rules.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out EmailAddress? address)
    {
        address = Parse(text, out _);
        return address is not null;
    }

    /// <summary>
    /// An address a person typed into a form (sign-in, an unlock request, a new profile):
    /// surrounding whitespace dropped and the characters composed (NFC) first, as keyboards and
    /// browsers differ there, then held to <see cref="Parse"/>'s rules.
    /// </summary>
    public static EmailAddress? FromTyped(string? text, out string? problem)
    {
        var trimmed = text?.Trim() ?? "";
        try
        {
            trimmed = trimmed.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            // A lone surrogate: Parse names it.
        }

        return Parse(trimmed, out problem);
    }

    /// <summary>
    /// True when <paramref name="text"/> is meant as an email address, well formed or not: it
    /// holds an '@' or something that normalises to one. A userName that does is held to
    /// <see cref="Parse"/>'s rules wherever email domains matter, so that no look-alike slips past them.
    /// </summary>
    public static bool IsMeantAsOne(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        try
        {
            return text.Normalize(NormalizationForm.FormKC).Contains('@', StringComparison.Ordinal);
        }
        catch (ArgumentException)
        {
            // A lone surrogate: not text at all, so certainly not a valid address.
            return true;
        }
    }

    private static string? Problem(string? text, out EmailAddress? address)
    {
        address = null;
        if (string.IsNullOrEmpty(text))
        {
            return "it is empty";
        }

        if (text.Length > MaxLength)
        {
            return $"it is longer than {MaxLength} characters";
        }

        if (InvisibleCharacters.FirstIn(text, spaceAllowed: false) is { } invisible)
        {
            return $"it holds a space or an invisible character ({invisible})";
        }

        if (FirstLookAlike(text) is { } lookAlike)
        {
            return lookAlike;
        }

        var at = text.IndexOf('@', StringComparison.Ordinal);
        if (at < 0)
        {
            return "it has no '@'";
        }

        if (at != text.LastIndexOf('@'))
        {
            return "it has more than one '@'";
        }

        var local = text[..at];
        var domainText = text[(at + 1)..];
        if (LocalPartProblem(local) is { } localProblem)
        {
            return localProblem;
        }

        if (domainText.EndsWith('.') || DomainName.Normalize(domainText) is not { } domain)
        {
            return $"'{domainText}' is not a domain name";
        }

        address = new EmailAddress(text, local, domain);
        return null;
    }

    // A character NFKC changes is a compatibility form that looks like another: name both.
    private static string? FirstLookAlike(string text)
    {
        if (text.IsNormalized(NormalizationForm.FormKC))
        {
            return null;
        }

        foreach (var rune in text.EnumerateRunes())
        {
            var single = rune.ToString();
            var normal = single.Normalize(NormalizationForm.FormKC);
            if (!string.Equals(single, normal, StringComparison.Ordinal))
            {
                return $"it holds '{single}' ({InvisibleCharacters.Name(rune.Value)}), which only looks like '{normal}'; send the plain character";
            }
        }

        // Each character is stable alone, so a sequence composes differently: not the canonical form either.
        return "it is not in Unicode normalization form C; send the composed characters";
    }

    private static string? LocalPartProblem(string local)
    {
        if (local.Length == 0)
        {
            return "nothing comes before the '@'";
        }

        if (Encoding.UTF8.GetByteCount(local) > MaxLocalPartBytes)
        {
            return $"the part before the '@' is longer than {MaxLocalPartBytes} bytes";
        }

        if (local.StartsWith('.') || local.EndsWith('.') || local.Contains("..", StringComparison.Ordinal))
        {
            return "the part before the '@' starts or ends with a dot or has two in a row";
        }

        foreach (var rune in local.EnumerateRunes())
        {
            if (!IsLocalPartCharacter(rune))
            {
                return $"the part before the '@' holds '{rune}', which an email address cannot hold unquoted";
            }
        }

        return null;
    }

    private static bool IsLocalPartCharacter(Rune rune)
    {
        if (rune.IsAscii)
        {
            var c = (char)rune.Value;
            return char.IsAsciiLetterOrDigit(c) || c == '.' || AtomSymbols.Contains(c, StringComparison.Ordinal);
        }

        // RFC 6531 lets any UTF-8 through; letters, marks and digits are what a name is written in,
        // and keeping out symbols and punctuation keeps out look-alikes NFKC leaves alone.
        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter
                or UnicodeCategory.OtherLetter or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.DecimalDigitNumber => true,
            _ => false,
        };
    }
}
