using System.CommandLine;

namespace Roster.Bench.Cli;

/// <summary>
/// The <c>roster-bench</c> command tree: <c>run</c> drives every phase, <c>seed</c> only creates
/// users, <c>compare</c> sets reports of several servers side by side.
/// </summary>
internal static class BenchCommandLine
{
    public static RootCommand Create()
    {
        RootCommand root = new("roster-bench: an IdP-like load generator for SCIM 2.0 servers (RFC 7644), over HTTP only.");
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(SeedCommand.Create());
        root.Subcommands.Add(CompareCommand.Create());
        return root;
    }
}
