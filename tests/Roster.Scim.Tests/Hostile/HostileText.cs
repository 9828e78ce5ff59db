namespace Roster.Scim.Tests.Hostile;

/// <summary>Text from <see cref="HostileArbitraries.Texts"/>: filter, path or attribute text meant to break a parser.</summary>
/// <param name="Text">The text.</param>
public sealed record HostileText(string Text)
{
    public override string ToString() => HostileCall.Show(Text);
}
