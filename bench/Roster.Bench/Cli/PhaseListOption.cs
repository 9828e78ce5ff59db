using System.CommandLine;
using System.CommandLine.Parsing;

using Roster.Bench.Running;

namespace Roster.Bench.Cli;

/// <summary>The <c>--phases create,lookup,...</c> option, parsed into <see cref="BenchPhase"/> values at the edge.</summary>
internal static class PhaseListOption
{
    public static Option<IReadOnlyList<BenchPhase>> Create()
    {
        string all = string.Join(',', Enum.GetValues<BenchPhase>().Select(BenchPhaseNames.Of));
        return new Option<IReadOnlyList<BenchPhase>>("--phases")
        {
            Description = $"Comma-separated phases to run, always in this order (default {all})",
            Arity = ArgumentArity.ExactlyOne,
            DefaultValueFactory = _ => Enum.GetValues<BenchPhase>(),
            CustomParser = Parse,
        };
    }

    private static IReadOnlyList<BenchPhase> Parse(ArgumentResult result)
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
                string known = string.Join(", ", Enum.GetValues<BenchPhase>().Select(BenchPhaseNames.Of));
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
