namespace Roster.Directory.Database;

/// <summary>
/// A statement meant for one tenant that does not bind its session's tenant: a programming error
/// (see <see cref="SqlScope"/>), never an outcome of input, so it is thrown rather than returned.
/// </summary>
public sealed class TenantScopeException : InvalidOperationException
{
    public TenantScopeException()
    {
    }

    public TenantScopeException(string message)
        : base(message)
    {
    }

    public TenantScopeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
