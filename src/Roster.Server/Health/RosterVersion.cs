using System.Reflection;

namespace Roster.Server.Health;

/// <summary>
/// The version this build of Roster carries: the informational version the build stamped
/// (<c>1.2.0+&lt;commit&gt;</c>; <c>scripts/publish.sh</c> sets it), the same that
/// <c>roster --version</c> prints and <c>/health/ready</c> reports.
/// </summary>
public static class RosterVersion
{
    public static string Current { get; } =
        typeof(RosterVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(RosterVersion).Assembly.GetName().Version?.ToString()
        ?? "unknown";
}
