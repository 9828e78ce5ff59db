namespace Roster.Fuzz;

/// <summary>
/// Thrown by a target when the code under test broke its contract without throwing itself (a
/// 500 instead of a 400, a tree that does not print back to itself): the fuzzer counts any
/// exception that escapes a target as a crash.
/// </summary>
public sealed class ContractViolationException : Exception
{
    public ContractViolationException()
    {
    }

    public ContractViolationException(string message) : base(message)
    {
    }

    public ContractViolationException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
