using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Roster.Console.Tests.Localization;

/// <summary>
/// Every sentence the console says through <c>T[...]</c> or <c>H[...]</c> has a translation in
/// every language it speaks. The sentences are read from every page, partial and page model
/// under the console's sources, so a new page is checked as soon as it exists; a sentence built
/// at run time (not a literal) fails too, as no translation could be looked up for it here.
/// </summary>
public sealed partial class UntranslatedTextTests
{
    private static readonly string[] Languages = ["ja", "ko", "zh-Hans"];

    [Fact]
    public void Every_sentence_of_every_page_is_translated()
    {
        var console = Path.Combine(RepositoryRoot(), "src", "Roster.Server", "Console");
        var sentences = Sentences(console);
        Assert.True(sentences.Count > 40, $"Only {sentences.Count} sentences were found under {console}; the reading is broken.");

        var missing = new List<string>();
        foreach (var language in Languages)
        {
            var translations = Translations(Path.Combine(console, "Localization", $"ConsoleText.{language}.resx"));
            foreach (var (sentence, where) in sentences)
            {
                if (!translations.TryGetValue(sentence, out var translated) || string.IsNullOrWhiteSpace(translated))
                {
                    missing.Add($"{language}: \"{sentence}\" ({where})");
                }
                else if (!Placeholders(sentence).SetEquals(Placeholders(translated)))
                {
                    missing.Add($"{language}: \"{sentence}\" is translated with other placeholders: \"{translated}\" ({where})");
                }
            }
        }

        Assert.True(missing.Count == 0, "Untranslated sentences (add them to ConsoleText.<language>.resx):\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Sentences_are_literals()
    {
        var console = Path.Combine(RepositoryRoot(), "src", "Roster.Server", "Console");
        var computed = Files(console)
            .SelectMany(file => File.ReadLines(file).Select((line, i) => (line, where: $"{Path.GetRelativePath(console, file)}:{i + 1}")))
            .Where(l => ComputedKey().IsMatch(l.line))
            .Select(l => l.where)
            .ToList();

        Assert.True(computed.Count == 0, "T[...] and H[...] take their sentence as a literal, so that it can be checked for translations:\n" + string.Join("\n", computed));
    }

    [Fact]
    public void No_resource_file_repeats_a_key()
    {
        var localization = Path.Combine(RepositoryRoot(), "src", "Roster.Server", "Console", "Localization");
        var files = System.IO.Directory.EnumerateFiles(localization, "ConsoleText*.resx").Order(StringComparer.Ordinal).ToList();
        Assert.True(files.Count >= Languages.Length, $"Only {files.Count} resource files were found under {localization}.");

        // The resource build compares names ignoring case (MSB3568): of "None" and "none" it keeps
        // the first and drops the second with a warning, so a page asking for the other gets English.
        var repeated = files
            .SelectMany(file => XDocument.Load(file).Root!.Elements("data")
                .Select(d => (string)d.Attribute("name")!)
                .GroupBy(name => name, StringComparer.OrdinalIgnoreCase)
                .Where(names => names.Count() > 1)
                .Select(names => $"{Path.GetFileName(file)}: {string.Join(", ", names.Select(n => $"\"{n}\""))}"))
            .ToList();

        Assert.True(repeated.Count == 0, "Keys given more than once (keep one, with the better translation):\n" + string.Join("\n", repeated));
    }

    private static Dictionary<string, string> Sentences(string console)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Files(console))
        {
            var text = File.ReadAllText(file);
            foreach (Match match in LiteralKey().Matches(text))
            {
                var sentence = Regex.Unescape(match.Groups["key"].Value);
                found.TryAdd(sentence, Path.GetRelativePath(console, file));
            }
        }

        return found;
    }

    private static IEnumerable<string> Files(string console) =>
        System.IO.Directory.EnumerateFiles(console, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal));

    /// <summary>The console's sentences in <paramref name="language"/>, keyed by their English wording, as the resource file holds them.</summary>
    internal static Dictionary<string, string> TranslationsOf(string language) =>
        Translations(Path.Combine(RepositoryRoot(), "src", "Roster.Server", "Console", "Localization", $"ConsoleText.{language}.resx"));

    private static Dictionary<string, string> Translations(string resx)
    {
        Assert.True(File.Exists(resx), $"{resx} is missing.");
        return XDocument.Load(resx).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);
    }

    private static HashSet<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value)];

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Roster.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Roster.slnx above {AppContext.BaseDirectory}: the tests run from the repository's build output.");
    }

    [GeneratedRegex("""\b[TH]\["(?<key>(?:[^"\\]|\\.)*)"[,\]]""")]
    private static partial Regex LiteralKey();

    [GeneratedRegex("""\b[TH]\[(?!["\]])""")]
    private static partial Regex ComputedKey();

    [GeneratedRegex(@"\{\d+(:[^}]*)?\}")]
    private static partial Regex Placeholder();
}
