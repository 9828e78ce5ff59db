using System.Diagnostics.CodeAnalysis;

namespace Roster.Directory.Administration;

/// <summary>Either a value or an <see cref="AdminError"/>: how expected failures of admin use cases travel.</summary>
public readonly record struct AdminResult<T>
{
    private AdminResult(T? value, AdminError? error)
    {
        Value = value;
        Error = error;
    }

    /// <summary>
    /// The value, when <see cref="IsSuccess"/>. The compiler knows it is not null then, unless
    /// <typeparamref name="T"/> is itself nullable (a result whose success may carry null).
    /// </summary>
    public T? Value { get; }

    /// <summary>The error, when not <see cref="IsSuccess"/>.</summary>
    public AdminError? Error { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    public static AdminResult<T> Success(T value) => new(value, null);

    public static AdminResult<T> Failure(AdminError error) => new(default, error);

    public static implicit operator AdminResult<T>(T value) => Success(value);

    public static implicit operator AdminResult<T>(AdminError error) => Failure(error);
}
