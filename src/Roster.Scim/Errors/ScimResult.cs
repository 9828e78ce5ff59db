using System.Diagnostics.CodeAnalysis;

namespace Roster.Scim.Errors;

/// <summary>Either a value or a <see cref="ScimError"/>: how expected failures travel.</summary>
public readonly record struct ScimResult<T>
{
    private ScimResult(T? value, ScimError? error)
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
    public ScimError? Error { get; }

    /// <summary>True when this result holds a value.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    /// <summary>A successful result.</summary>
    public static ScimResult<T> Success(T value) => new(value, null);

    /// <summary>A failed result.</summary>
    public static ScimResult<T> Failure(ScimError error) => new(default, error);

    /// <summary>A successful result holding <paramref name="value"/>.</summary>
    public static implicit operator ScimResult<T>(T value) => Success(value);

    /// <summary>A failed result carrying <paramref name="error"/>.</summary>
    public static implicit operator ScimResult<T>(ScimError error) => Failure(error);

    /// <summary>The value, or throws <see cref="ScimException"/> (for use inside the core only).</summary>
    public T GetValueOrThrow() => IsSuccess ? Value : throw new ScimException(Error);
}
