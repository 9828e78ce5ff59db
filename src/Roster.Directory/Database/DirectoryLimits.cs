namespace Roster.Directory.Database;

/// <summary>
/// What one request may make the directory spend (the server fills it from <c>Roster:Limits</c>):
/// how long one statement of a list or search may run, how many values a user's multi-valued
/// attribute may hold, and how many group members one list page may carry.
/// </summary>
public sealed class DirectoryLimits
{
    /// <summary>
    /// How long each statement of a list or search (its page, its count) may run before the
    /// database stops it; the request then gets a 400 <c>tooMany</c> that says to narrow the filter.
    /// </summary>
    public TimeSpan QueryTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The most values one multi-valued attribute of a user (<c>emails</c>, <c>phoneNumbers</c>,
    /// <c>addresses</c>, <c>roles</c>, ...) may hold after a write that adds to it.
    /// </summary>
    public int MaxValuesPerAttribute { get; init; } = 100;

    /// <summary>
    /// The most group members one list or search page returns (when <c>attributes</c> asks for
    /// <c>members</c>): the page ends before the group that would pass it, and always holds one group.
    /// </summary>
    public int MaxMembersPerPage { get; init; } = 10_000;
}
