using Roster.Fuzz;
using Roster.Fuzz.Targets;
using SharpFuzz;

// Usage:
//   Roster.Fuzz <target>                                     under afl-fuzz (fuzz/run.sh sets this up)
//   Roster.Fuzz <target> --replay <file or folder>           runs saved inputs, prints what fails
//   Roster.Fuzz <target> --random <seconds> <corpus> <out>   seeded random mutation, no coverage
// Targets: filter, path, patch, json.
var targets = new Dictionary<string, Action<byte[]>>(StringComparer.Ordinal)
{
    ["filter"] = FilterTarget.Run,
    ["path"] = PathTarget.Run,
    ["patch"] = PatchTarget.Run,
    ["json"] = JsonTarget.Run,
};

if (args.Length == 0 || !targets.TryGetValue(args[0], out var target))
{
    await Console.Error.WriteLineAsync($"Usage: Roster.Fuzz <{string.Join('|', targets.Keys)}> [--replay <path> | --random <seconds> <corpus> <out>]");
    return 2;
}

switch (args.Length > 1 ? args[1] : null)
{
    case null:
        Fuzzer.OutOfProcess.Run(stream =>
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            target(buffer.ToArray());
        });
        return 0;
    case "--replay" when args.Length == 3:
        return Replay.Run(target, args[2]);
    case "--random" when args.Length == 5 && int.TryParse(args[2], out var seconds):
        return RandomMutationDriver.Run(target, TimeSpan.FromSeconds(seconds), args[3], args[4]);
    default:
        await Console.Error.WriteLineAsync("Unknown options.");
        return 2;
}
