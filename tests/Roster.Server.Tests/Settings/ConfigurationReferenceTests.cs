using Roster.Server.Settings;
using Roster.Server.Tests.Cli;

namespace Roster.Server.Tests.Settings;

/// <summary>
/// Every setting is documented: the reference in docs/operations.md is the one made from the
/// options classes (a setting added without updating it fails here), and every setting says what
/// it does. <c>ROSTER_UPDATE_DOCS=1</c> rewrites the reference instead of failing.
/// </summary>
public sealed class ConfigurationReferenceTests
{
    [Fact]
    public void Every_setting_has_a_description()
    {
        var docs = ConfigurationReference.Documentation(typeof(RosterSettings).Assembly);
        var undocumented = RosterSettings.All.Where(s => ConfigurationReference.Description(docs, s.Property).Length == 0).Select(s => s.Key).ToList();
        Assert.True(undocumented.Count == 0, "Settings without an XML summary on their property: " + string.Join(", ", undocumented));
    }

    [Fact]
    public void The_reference_in_the_operations_guide_lists_every_setting_as_the_options_classes_define_it()
    {
        var guide = Path.Combine(RepositoryRoot(), "docs", "operations.md");
        var text = File.ReadAllText(guide).ReplaceLineEndings("\n");
        var begin = text.IndexOf(ConfigurationReference.Begin, StringComparison.Ordinal);
        var end = text.IndexOf(ConfigurationReference.End, StringComparison.Ordinal);
        Assert.True(begin >= 0 && end > begin, $"docs/operations.md has no generated settings reference; it goes between '{ConfigurationReference.Begin}' and '{ConfigurationReference.End}'.");
        var documented = text[begin..(end + ConfigurationReference.End.Length)];
        var expected = ConfigurationReference.Render();
        if (documented != expected && Environment.GetEnvironmentVariable("ROSTER_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(guide, text.Replace(documented, expected, StringComparison.Ordinal));
            return;
        }

        var missing = RosterSettings.All.Where(s => !documented.Contains($"| `{s.Key}` |", StringComparison.Ordinal)).Select(s => s.Key).ToList();
        Assert.True(missing.Count == 0, "Settings missing from docs/operations.md: " + string.Join(", ", missing) + ". Run the tests with ROSTER_UPDATE_DOCS=1 to regenerate the reference.");
        Assert.True(documented == expected, "The settings reference in docs/operations.md differs from the options classes; run the tests with ROSTER_UPDATE_DOCS=1 to regenerate it.");
    }

    [Fact]
    public async Task Config_check_names_each_wrong_or_unknown_setting_and_serve_refuses_to_start()
    {
        var folder = System.IO.Directory.CreateTempSubdirectory("roster-config-");
        try
        {
            var database = Path.Combine(folder.FullName, "roster.db");
            var wrong = new Dictionary<string, string>
            {
                ["Roster__Limits__MaxPageSize"] = "0",
                ["Roster__RateLimits__PerTenantBurst"] = "many",
                ["Roster__Telemetry__Otlp__Protocol"] = "carrier-pigeon",
                ["Roster__Limits__MaxPageSise"] = "100",
            };

            var check = await RosterProcess.RunAsync(wrong, "config", "check", "--data", database);
            Assert.Equal(2, check.ExitCode);
            Assert.Contains("Roster:Limits:MaxPageSize must be between 1 and 10000; it is 0.", check.Error, StringComparison.Ordinal);
            Assert.Contains("'many' at 'Roster:RateLimits:PerTenantBurst'", check.Error, StringComparison.Ordinal);
            Assert.Contains("Roster:Telemetry:Otlp:Protocol must be 'grpc' or 'http/protobuf'", check.Error, StringComparison.Ordinal);
            Assert.Contains("Roster:Limits:MaxPageSise is not a Roster setting", check.Error, StringComparison.Ordinal);

            var serve = await RosterProcess.RunAsync(wrong, "serve", "--data", database, "--urls", "http://127.0.0.1:0");
            Assert.Equal(2, serve.ExitCode);
            Assert.Contains("Roster:Limits:MaxPageSize must be between 1 and 10000; it is 0.", serve.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", serve.Error, StringComparison.Ordinal);
            Assert.False(File.Exists(database), "serve touched the database before checking its settings.");

            var fine = await RosterProcess.RunAsync("config", "check", "--data", database);
            Assert.True(fine.ExitCode == 0, fine.Error);
            Assert.Contains("Settings: ok", fine.Output, StringComparison.Ordinal);
            Assert.Contains("Database (Sqlite): reachable", fine.Output, StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Roster.slnx")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("The tests do not run inside a Roster checkout.");
    }
}
