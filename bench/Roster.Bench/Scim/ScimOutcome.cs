namespace Roster.Bench.Scim;

/// <summary>How one request ended, before looking at the HTTP status.</summary>
internal enum ScimOutcome
{
    /// <summary>The server answered (any status).</summary>
    Responded,

    /// <summary>No answer within the per-request timeout.</summary>
    TimedOut,

    /// <summary>The connection failed or broke before a full response arrived.</summary>
    TransportFailed,

    /// <summary>The run was stopped (Ctrl+C) while the request was in flight; not counted anywhere.</summary>
    Cancelled,
}
