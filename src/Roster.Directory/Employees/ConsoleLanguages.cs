namespace Roster.Directory.Employees;

/// <summary>
/// The languages the console is written in: English, and the languages of the setup guides it
/// follows (CXone's Japanese, Korean and Chinese guides, MoEngage's and Webex's Japanese ones).
/// </summary>
public static class ConsoleLanguages
{
    public const string English = "en";

    public static IReadOnlyList<string> All { get; } = [English, "ja", "ko", "zh-Hans"];

    /// <summary>The offered language <paramref name="tag"/> names (<c>ja-JP</c> is <c>ja</c>, <c>zh-CN</c> is <c>zh-Hans</c>), or null.</summary>
    public static string? Match(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag))
        {
            return null;
        }

        var exact = All.FirstOrDefault(l => string.Equals(l, tag, StringComparison.OrdinalIgnoreCase));
        if (exact is not null)
        {
            return exact;
        }

        var lower = tag.Trim().Replace('_', '-').ToUpperInvariant();
        if (lower is "ZH-CN" or "ZH-SG" or "ZH-HANS-CN" or "ZH")
        {
            return "zh-Hans";
        }

        var primary = lower.Split('-')[0];
        return primary is "ZH" ? null : All.FirstOrDefault(l => string.Equals(l, primary, StringComparison.OrdinalIgnoreCase));
    }
}
