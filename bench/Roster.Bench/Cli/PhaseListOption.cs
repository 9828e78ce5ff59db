using System.CommandLine;
using System.CommandLine.Parsing;

using Roster.Bench.Running;

namespace Roster.Bench.Cli;

/// <summary>The <c>--phases create,lookup,...</c> option, parsed into <see cref="BenchPhase"/> values at the edge.</summary>
internal static class PhaseListOption
{
    /// <summary>Every phase that measures any SCIM server; <c>rolemap</c> (Roster's admin API) runs only when named.</summary>
    public static IReadOnlyList<BenchPhase> AllPhases { get; } = [.. Enum.GetValues<BenchPhase>().Where(p => p is not (BenchPhase.RoleMap or BenchPhase.Bulk))];

    /// <summary>
    /// The option has no default value, because help would print it as "Create|Lookup|..."; an absent
    /// option means <see cref="AllPhases"/>.
    /// </summary>
    public static Option<IReadOnlyList<BenchPhase>?> Create()
    {
        string all = string.Join(',', AllPhases.Select(BenchPhaseNames.Of));
        return new Option<IReadOnlyList<BenchPhase>?>("--phases")
        {
            Description = $"Comma-separated phases to run; they always run in this order [default: {all}]",
            HelpName = "phase,phase,...",
            Arity = ArgumentArity.ExactlyOne,
            CustomParser = Parse,
        };
    }

    private static List<BenchPhase> Parse(ArgumentResult result)
    {
        List<BenchPhase> phases = [];
        foreach (string name in result.Tokens[0].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (BenchPhaseNames.TryParse(name, out BenchPhase phase))
            {
                phases.Add(phase);
            }
            else
            {
                string known = string.Join(", ", AllPhases.Select(BenchPhaseNames.Of));
                result.AddError($"Unknown phase '{name}'. Known phases: {known}.");
            }
        }

        if (phases.Count == 0)
        {
            result.AddError("--phases needs at least one phase.");
        }

        return phases;
    }
}
