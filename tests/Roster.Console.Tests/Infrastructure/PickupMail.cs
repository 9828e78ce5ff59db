using System.Text.RegularExpressions;
using MimeKit;

namespace Roster.Console.Tests.Infrastructure;

/// <summary>Reads the emails (invitations, unlock links) Roster wrote as .eml files into its pickup folder.</summary>
public static partial class PickupMail
{
    /// <summary>The newest email to <paramref name="address"/>.</summary>
    public static MimeMessage LastTo(string folder, string address)
    {
        // Newest file first: Date headers have whole seconds, file times are finer.
        var files = System.IO.Directory.Exists(folder)
            ? new DirectoryInfo(folder).GetFiles("*.eml").OrderByDescending(f => f.LastWriteTimeUtc).ToList()
            : [];
        foreach (var file in files)
        {
            var message = MimeMessage.Load(file.FullName);
            if (message.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase)))
            {
                return message;
            }
        }

        Assert.Fail($"No email to {address} in {folder}.");
        return null!;
    }

    /// <summary>The activation link in an invitation.</summary>
    public static string ActivationLink(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var match = LinkPattern().Match(message.TextBody ?? message.HtmlBody ?? "");
        Assert.True(match.Success, "The invitation has no activation link.");
        return match.Value;
    }

    /// <summary>The unlock link in an unlock email.</summary>
    public static string UnlockLink(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var match = UnlockPattern().Match(message.TextBody ?? message.HtmlBody ?? "");
        Assert.True(match.Success, "The email has no unlock link.");
        return match.Value;
    }

    public static string ActivationToken(MimeMessage message) =>
        Uri.UnescapeDataString(TokenPattern().Match(ActivationLink(message)).Groups[1].Value);

    [GeneratedRegex(@"https?://[^\s""<>]+/activate#token=[^\s&""<>]+")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"https?://[^\s""<>]+/unlock#token=[^\s&""<>]+")]
    private static partial Regex UnlockPattern();

    [GeneratedRegex(@"[?&#]token=([^\s&""<>]+)")]
    private static partial Regex TokenPattern();
}
