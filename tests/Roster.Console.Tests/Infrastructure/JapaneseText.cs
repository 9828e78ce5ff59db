using System.Globalization;
using System.Xml.Linq;

namespace Roster.Console.Tests.Infrastructure;

/// <summary>
/// The console's Japanese words, read from <c>ConsoleText.ja.resx</c> itself, so that a test in a
/// Japanese browser asserts on what the console says rather than on a second copy of it.
/// </summary>
public static class JapaneseText
{
    private static readonly Lazy<Dictionary<string, string>> Entries = new(Load);

    /// <summary>The Japanese text of the console sentence whose English key is <paramref name="english"/>, its values placed.</summary>
    public static string Of(string english, params object[] values)
    {
        Assert.True(Entries.Value.TryGetValue(english, out var japanese), $"ConsoleText.ja.resx has no \"{english}\".");
        return values.Length == 0 ? japanese : string.Format(CultureInfo.InvariantCulture, japanese, values);
    }

    private static Dictionary<string, string> Load()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var resx = Path.Combine(dir.FullName, "src", "Roster.Server", "Console", "Localization", "ConsoleText.ja.resx");
            if (File.Exists(resx))
            {
                return XDocument.Load(resx).Root!.Elements("data")
                    .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);
            }
        }

        throw new InvalidOperationException($"No ConsoleText.ja.resx above {AppContext.BaseDirectory}: the tests run from the repository's build output.");
    }
}
