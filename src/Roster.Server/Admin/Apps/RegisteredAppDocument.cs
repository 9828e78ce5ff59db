using Roster.Directory.Apps;

namespace Roster.Server.Admin.Apps;

/// <summary>The answer to registering an app: the app and, for a confidential one, its client secret, shown this once.</summary>
public sealed record RegisteredAppDocument(AppDocument App, string? ClientSecret)
{
    public static RegisteredAppDocument From(RegisteredApp registered)
    {
        ArgumentNullException.ThrowIfNull(registered);
        return new(AppDocument.From(registered.App), registered.ClientSecret);
    }
}
