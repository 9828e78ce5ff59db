using System.Globalization;
using System.Net;
using Roster.Directory.Mail;

namespace Roster.Directory.Employees;

/// <summary>The invitation email: who it is for, the activation link, and when the link expires.</summary>
internal static class InvitationMail
{
    public static OutgoingMail Create(Employee employee, string link, DateTimeOffset expires)
    {
        var greeting = string.IsNullOrWhiteSpace(employee.FirstName) ? "Hello," : $"Hello {employee.FirstName},";
        var until = expires.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        var text =
            $"{greeting}\n\n" +
            $"An administrator created a Roster account for {employee.Email}. Open this link to choose your password and activate it:\n\n" +
            $"{link}\n\n" +
            $"The link works once and expires on {until}. If you did not expect this email, ignore it.\n";
        var html =
            $"<p>{WebUtility.HtmlEncode(greeting)}</p>" +
            $"<p>An administrator created a Roster account for {WebUtility.HtmlEncode(employee.Email)}. Open this link to choose your password and activate it:</p>" +
            $"<p><a href=\"{WebUtility.HtmlEncode(link)}\">{WebUtility.HtmlEncode(link)}</a></p>" +
            $"<p>The link works once and expires on {until}. If you did not expect this email, ignore it.</p>";
        return new OutgoingMail(employee.Email, "Activate your Roster account", text, html);
    }
}
