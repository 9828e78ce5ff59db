using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace Roster.Server.Console.Localization;

/// <summary>Instants in pages: a <c>time</c> element with the UTC instant for machines and the person's local time for people.</summary>
public static class ConsoleHtml
{
    public static IHtmlContent When(this IHtmlHelper html, DateTimeOffset? at, string none = "Never", bool seconds = false)
    {
        ArgumentNullException.ThrowIfNull(html);
        var http = html.ViewContext.HttpContext;
        if (at is not { } instant)
        {
            if (none.Length == 0)
            {
                return HtmlString.Empty;
            }

            var text = http.RequestServices.GetRequiredService<IStringLocalizer<ConsoleText>>()[none];
            return new HtmlString(System.Net.WebUtility.HtmlEncode(text));
        }

        var machine = instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var human = seconds ? ConsoleClock.FormatToSecond(http.User, instant) : ConsoleClock.Format(http.User, instant);
        return new HtmlString($"<time datetime=\"{machine}\" class=\"nowrap\">{System.Net.WebUtility.HtmlEncode(human)}</time>");
    }
}
