using MimeKit;

namespace Roster.Directory.Tests.Support;

/// <summary>Reads back the <c>.eml</c> files the pickup folder sender wrote, with MimeKit.</summary>
public static class Mailbox
{
    public static List<MimeMessage> Read(string folder) =>
        !System.IO.Directory.Exists(folder)
            ? []
            : [.. System.IO.Directory.GetFiles(folder, "*.eml").Order(StringComparer.Ordinal).Select(file => MimeMessage.Load(file))];

    /// <summary>The token of the activation link in the message's text body.</summary>
    public static string Token(MimeMessage message)
    {
        var text = message.TextBody ?? "";
        var start = text.IndexOf("token=", StringComparison.Ordinal) + "token=".Length;
        var end = start;
        while (end < text.Length && !char.IsWhiteSpace(text[end]))
        {
            end++;
        }

        return Uri.UnescapeDataString(text[start..end]);
    }
}
