using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Roster.Server.Settings;

namespace Roster.Server.Tests.Settings;

/// <summary>
/// The configuration reference of docs/operations.md, made from <see cref="RosterSettings.All"/>
/// and the XML documentation of each setting's property.
/// </summary>
public static partial class ConfigurationReference
{
    public const string Begin = "<!-- settings reference: generated from the options classes by tests/Roster.Server.Tests/Settings; do not edit by hand -->";
    public const string End = "<!-- end of settings reference -->";

    public static string Render()
    {
        var docs = Documentation(typeof(RosterSettings).Assembly);
        var text = new StringBuilder();
        text.AppendLine(Begin);
        text.AppendLine("| setting | environment variable | values | default | what it does |");
        text.AppendLine("| --- | --- | --- | --- | --- |");
        foreach (var setting in RosterSettings.All)
        {
            var variable = setting.IsList ? setting.EnvironmentVariable + "__0" : setting.EnvironmentVariable;
            text.AppendLine(CultureInvariant($"| `{setting.Key}` | `{variable}` | {setting.TypeName} | {(setting.DefaultValue.Length == 0 ? "" : $"`{Cell(setting.DefaultValue)}`")} | {Cell(Description(docs, setting.Property))} |"));
        }

        text.Append(End);
        return text.ToString().ReplaceLineEndings("\n");
    }

    /// <summary>The summary of a property, as one line of Markdown; empty when it has none.</summary>
    public static string Description(IReadOnlyDictionary<string, XElement> docs, PropertyInfo property)
    {
        ArgumentNullException.ThrowIfNull(docs);
        ArgumentNullException.ThrowIfNull(property);
        var member = $"P:{property.DeclaringType!.FullName}.{property.Name}";
        if (!docs.TryGetValue(member, out var summary))
        {
            return "";
        }

        var text = new StringBuilder();
        foreach (var node in summary.Nodes())
        {
            text.Append(node switch
            {
                XElement { Name.LocalName: "c" } code => $"`{code.Value}`",
                XElement { Name.LocalName: "see" } see => "`" + ((string?)see.Attribute("cref") ?? "").Split('.')[^1] + "`",
                XElement element => element.Value,
                XText plain => plain.Value,
                _ => "",
            });
        }

        return Spaces().Replace(text.ToString(), " ").Trim();
    }

    /// <summary>
    /// The summaries of <paramref name="assembly"/>'s XML documentation, by member, and of the SQLite
    /// store's, whose checkpoint settings are under <c>Storage:</c>.
    /// </summary>
    public static IReadOnlyDictionary<string, XElement> Documentation(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return new[] { assembly, typeof(Roster.Storage.Sqlite.SqliteCheckpointOptions).Assembly }
            .Distinct()
            .SelectMany(a => XDocument.Load(Path.ChangeExtension(a.Location, ".xml")).Descendants("member"))
            .Where(m => m.Element("summary") is not null)
            .ToDictionary(m => (string)m.Attribute("name")!, m => m.Element("summary")!);
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    private static string CultureInvariant(FormattableString text) => FormattableString.Invariant(text);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
