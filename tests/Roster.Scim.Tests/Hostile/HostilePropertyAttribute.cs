using FsCheck.Xunit;

namespace Roster.Scim.Tests.Hostile;

/// <summary>
/// A property over <see cref="HostileArbitraries"/> whose number of runs is
/// the given number, or <see cref="PropertyRuns.Variable"/> when that is set.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class HostilePropertyAttribute : PropertyAttribute
{
    public HostilePropertyAttribute(int runs)
    {
        Runs = runs;
        MaxTest = PropertyRuns.Resolve(runs);
        Arbitrary = [typeof(HostileArbitraries), typeof(Filtering.FilterArbitraries)];
    }

    /// <summary>The number of runs in the normal test run.</summary>
    public int Runs { get; }
}
