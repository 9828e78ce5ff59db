using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Roster.Fuzz;

/// <summary>
/// The fallback when afl-fuzz is not available: mutates the seed corpus at random (byte flips,
/// SCIM fragments inserted, slices deleted, duplicated or cut off) and runs the target in
/// process. No coverage feedback, so it finds less than AFL, but it needs nothing installed.
/// The seed is printed, so a run can be repeated.
/// </summary>
internal static class RandomMutationDriver
{
    private static readonly byte[][] Fragments =
    [
        .. new[]
        {
            "(", ")", "[", "]", "{", "}", "\"", "\\", "\\u", "\\ud800", ",", ":", ".", " and ", " or ", "not (", " eq ", " pr", "1e400",
            "99999999999999999999999", "null", "true", "emails[type eq \"work\"]", "members", "urn:ietf:params:scim:schemas:core:2.0:User:",
            "\u00e9", "\ud83d\ude00", "\u0000", "\u2028",
        }.Select(Encoding.UTF8.GetBytes),
    ];

    public static int Run(Action<byte[]> target, TimeSpan duration, string corpus, string output)
    {
        var seeds = Directory.GetFiles(corpus).Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToArray();
        if (seeds.Length == 0)
        {
            seeds = [[]];
        }

        var seed = Environment.TickCount;
        var random = new Random(seed);
        Directory.CreateDirectory(output);
        var clock = Stopwatch.StartNew();
        long executions = 0;
        var crashes = 0;
        while (clock.Elapsed < duration)
        {
            var input = Mutate(random.GetItems(seeds, 1)[0], random);
            executions++;
            try
            {
                target(input);
            }
            catch (Exception e)
            {
                crashes++;
                var file = Path.Combine(output, string.Create(CultureInfo.InvariantCulture, $"random-crash-{seed}-{executions}"));
                File.WriteAllBytes(file, input);
                Console.WriteLine($"{file}: {e.GetType().Name}: {e.Message}");
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seed {seed}: {executions:N0} executions in {clock.Elapsed.TotalSeconds:F0} s, {crashes} crashes."));
        return crashes == 0 ? 0 : 1;
    }

    private static byte[] Mutate(byte[] seed, Random random)
    {
        var data = new List<byte>(seed);
        var edits = random.Next(1, 6);
        for (var i = 0; i < edits; i++)
        {
            var at = data.Count == 0 ? 0 : random.Next(data.Count + 1);
            switch (random.Next(5))
            {
                case 0 when at < data.Count:
                    data[at] = (byte)random.Next(256);
                    break;
                case 1 when at < data.Count:
                    data.RemoveRange(at, Math.Min(data.Count - at, random.Next(1, 16)));
                    break;
                case 2 when at < data.Count:
                    data.InsertRange(at, data.GetRange(at, Math.Min(data.Count - at, random.Next(1, 64))));
                    break;
                case 3:
                    data.RemoveRange(at, data.Count - at);
                    break;
                default:
                    data.InsertRange(at, random.GetItems(Fragments, 1)[0]);
                    break;
            }
        }

        return [.. data];
    }
}
