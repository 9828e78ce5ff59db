namespace Roster.Directory.Sessions;

/// <summary>
/// A console session (<c>console_sessions</c>): the cookie names it, every request checks that
/// it still exists, and signing out, a lock, a deactivation or a new password delete it, on
/// every node at once.
/// </summary>
public sealed class ConsoleSessionRecord
{
    public Guid TenantId { get; set; }

    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    public DateTimeOffset Created { get; set; }

    /// <summary>When the session ends without a request; moved on when the cookie is renewed.</summary>
    public DateTimeOffset Expires { get; set; }
}
