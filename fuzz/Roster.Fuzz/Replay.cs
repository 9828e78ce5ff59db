namespace Roster.Fuzz;

/// <summary>Runs a target on saved inputs (a crash AFL found, or a whole corpus) and reports each failure.</summary>
internal static class Replay
{
    public static int Run(Action<byte[]> target, string path)
    {
        var files = Directory.Exists(path) ? Directory.GetFiles(path) : [path];
        var failures = 0;
        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            try
            {
                target(File.ReadAllBytes(file));
            }
            catch (Exception e)
            {
                failures++;
                Console.WriteLine($"{file}: {e}");
            }
        }

        Console.WriteLine($"{files.Length} inputs, {failures} failed.");
        return failures == 0 ? 0 : 1;
    }
}
