namespace Roster.Scim.Tests.Hostile;

/// <summary>A JSON value as text from <see cref="HostileArbitraries.JsonTexts"/>: hostile strings and numbers, a few levels deep.</summary>
/// <param name="Text">The JSON text.</param>
public sealed record JsonText(string Text)
{
    public override string ToString() => HostileCall.Show(Text);
}
