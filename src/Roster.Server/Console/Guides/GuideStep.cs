namespace Roster.Server.Console.Guides;

/// <summary>
/// One step of a setup guide: a sentence in the person's language (the identity provider's menu
/// words in it as the provider writes them), the values to paste, and a link to the console page
/// that makes what the step needs (a SCIM token is made there, never printed in a guide).
/// </summary>
public sealed record GuideStep(string Text, IReadOnlyList<GuideValue> Values, string? LinkText = null, string? LinkHref = null)
{
    public GuideStep(string text)
        : this(text, [])
    {
    }
}
