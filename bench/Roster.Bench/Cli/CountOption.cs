using System.CommandLine;

namespace Roster.Bench.Cli;

/// <summary>Builds integer options that have a default and a lower bound.</summary>
internal static class CountOption
{
    public static Option<int> Create(string name, int defaultValue, int minimum, string description, string helpName = "count")
    {
        Option<int> option = new(name)
        {
            Description = description,
            HelpName = helpName,
            DefaultValueFactory = _ => defaultValue,
        };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < minimum)
            {
                result.AddError($"{name} must be at least {minimum}.");
            }
        });
        return option;
    }
}
