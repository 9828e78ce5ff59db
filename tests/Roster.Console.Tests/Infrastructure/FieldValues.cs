namespace Roster.Console.Tests.Infrastructure;

/// <summary>Reading what a field holds, as a person copying a credential from the page does.</summary>
public static class FieldValues
{
    /// <summary>The current value of the field with id <paramref name="id"/>, once it has one.</summary>
    public static string ValueOf(this ChromiumBrowser browser, string id)
    {
        ArgumentNullException.ThrowIfNull(browser);
        return browser.Until(d => d.FindElement(By.Id(id)).GetDomProperty("value") is { Length: > 0 } value ? value : null)!;
    }
}
