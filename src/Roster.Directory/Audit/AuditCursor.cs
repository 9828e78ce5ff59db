using System.Buffers.Text;
using Roster.Directory.Resources;

namespace Roster.Directory.Audit;

/// <summary>
/// Where the next page of audit events starts: the (occurred, id) of the last event shown, as
/// opaque base64url text. It grants nothing: every page is still filtered by tenant.
/// </summary>
internal sealed record AuditCursor(DateTimeOffset Occurred, Guid Id)
{
    public string Encode() => Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes($"{ScimDateTime.ToText(Occurred)}|{Id:N}"));

    public static AuditCursor? Decode(string text)
    {
        try
        {
            var parts = System.Text.Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text)).Split('|');
            return parts.Length == 2 && ScimDateTime.TryParse(parts[0], out var occurred) && Guid.TryParseExact(parts[1], "N", out var id)
                ? new AuditCursor(occurred, id)
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
