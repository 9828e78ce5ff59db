using System.Text.Json;

namespace Roster.Cli.Commands;

/// <summary>Writes command results for people or, with --json, for scripts.</summary>
public static class Output
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static void Json<T>(T value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, JsonOptions));
}
