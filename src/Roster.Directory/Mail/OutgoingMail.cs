namespace Roster.Directory.Mail;

/// <summary>One email to send: a single recipient, with a plain-text and an HTML body of the same content.</summary>
/// <param name="To">The recipient's address.</param>
/// <param name="Subject">The subject line.</param>
/// <param name="TextBody">The plain-text body.</param>
/// <param name="HtmlBody">The HTML body; values in it are already encoded.</param>
public sealed record OutgoingMail(string To, string Subject, string TextBody, string HtmlBody);
