using System.Globalization;

namespace Roster.Directory.Domains;

/// <summary>
/// Parses a domain as typed by an administrator or found in an email address: trimmed, one
/// trailing dot dropped, IDN labels mapped to punycode (UTS #46 via <see cref="IdnMapping"/>),
/// lower-cased, then checked as a host name (LDH labels of 1 to 63 characters, at least two
/// labels, 253 characters at most, not starting or ending with a hyphen). The domain of an
/// email address comes from <see cref="EmailAddress"/>, which applies this to it.
/// </summary>
public static class DomainName
{
    private static readonly IdnMapping Idn = new() { UseStd3AsciiRules = true };

    /// <summary>The normalised domain, or null when <paramref name="text"/> is not a host name.</summary>
    public static string? Normalize(string? text)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        if (trimmed.EndsWith('.'))
        {
            trimmed = trimmed[..^1];
        }

        string ascii;
        try
        {
            // Lower-cased first: IdnMapping does not fold the case of non-ASCII letters on every
            // platform ("BÜCHER" and "bücher" must give the same punycode).
            ascii = Idn.GetAscii(trimmed.ToLowerInvariant()).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return null;
        }

        return IsHostName(ascii) ? ascii : null;
    }

    private static bool IsHostName(string ascii)
    {
        if (ascii.Length > 253)
        {
            return false;
        }

        var labels = ascii.Split('.');
        return labels.Length >= 2 && labels.All(IsLabel) && !labels[^1].All(char.IsAsciiDigit);
    }

    private static bool IsLabel(string label) =>
        label.Length is >= 1 and <= 63
        && label[0] != '-' && label[^1] != '-'
        && label.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
}
