using System.Globalization;
using System.Net;
using Roster.Directory.Mail;

namespace Roster.Directory.Employees;

/// <summary>The unlock email: why it came, the link, and when the link expires.</summary>
internal static class UnlockMail
{
    public static OutgoingMail Create(Employee employee, string link, DateTimeOffset expires)
    {
        var greeting = string.IsNullOrWhiteSpace(employee.FirstName) ? "Hello," : $"Hello {employee.FirstName},";
        var until = expires.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        var text =
            $"{greeting}\n\n" +
            $"Sign-in to the Roster account {employee.Email} is locked for a while after too many failed attempts, and someone asked for an unlock link. Open this link to unlock it:\n\n" +
            $"{link}\n\n" +
            $"The link works once and expires on {until}. If you did not ask for it, ignore this email: someone may be guessing your password, and the lock keeps them out.\n";
        var html =
            $"<p>{WebUtility.HtmlEncode(greeting)}</p>" +
            $"<p>Sign-in to the Roster account {WebUtility.HtmlEncode(employee.Email)} is locked for a while after too many failed attempts, and someone asked for an unlock link. Open this link to unlock it:</p>" +
            $"<p><a href=\"{WebUtility.HtmlEncode(link)}\">{WebUtility.HtmlEncode(link)}</a></p>" +
            $"<p>The link works once and expires on {until}. If you did not ask for it, ignore this email: someone may be guessing your password, and the lock keeps them out.</p>";
        return new OutgoingMail(employee.Email, "Unlock your Roster account", text, html);
    }
}
