namespace Roster.Console.Tests.Infrastructure;

/// <summary>A Chromium that asks for Japanese, as a reader of the Japanese setup guides has it.</summary>
public sealed class JapaneseChromiumBrowser : IDisposable
{
    public ChromiumBrowser Browser { get; } = new("ja");

    public void Dispose() => Browser.Dispose();
}
