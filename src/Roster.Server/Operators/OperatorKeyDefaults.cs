namespace Roster.Server.Operators;

/// <summary>Names used by the operator API's authentication (an operator key as a bearer token).</summary>
public static class OperatorKeyDefaults
{
    public const string Scheme = "OperatorKey";
    public const string Policy = "operator";
    public const string KeyClaim = "roster:operator-key";
    public const string NameClaim = "roster:operator-key-name";

    /// <summary>HttpContext item key under which a failed authentication leaves its reason.</summary>
    internal const string FailureReasonKey = "roster:operator-auth-failure";
}
