namespace Roster.Scim.Tests.Filtering;

/// <summary>Filter-like text from <see cref="FilterArbitraries.TokenSoups"/>.</summary>
/// <param name="Text">The text.</param>
public sealed record TokenSoup(string Text)
{
    public override string ToString() => Text;
}
