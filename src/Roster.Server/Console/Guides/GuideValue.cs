namespace Roster.Server.Console.Guides;

/// <summary>One of this organization's values a guide step says to paste, shown with a Copy button.</summary>
public sealed record GuideValue(string Label, string Value);
