namespace Roster.Directory.Users;

/// <summary>
/// One case-folded <c>emails.value</c> of a user, so that <c>emails.value eq "..."</c> (the
/// look-up IdPs use to match accounts) is an index seek rather than a scan of every document.
/// </summary>
public sealed class UserEmailRecord
{
    public Guid TenantId { get; set; }

    public Guid UserId { get; set; }

    public required string ValueKey { get; set; }
}
