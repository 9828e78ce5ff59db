using System.Diagnostics.CodeAnalysis;
using Roster.Directory.Employees;

namespace Roster.Directory.Sso;

/// <summary>The outcome of a sign-in through an identity provider: a console session, or a refusal and a sentence for the person.</summary>
/// <param name="Employee">The signed-in profile.</param>
/// <param name="Permissions">Its permission keys now.</param>
/// <param name="SessionId">The console session started for it.</param>
/// <param name="Refusal">Why nobody was signed in.</param>
/// <param name="Detail">What the page says about the refusal.</param>
public sealed record SsoSignInResult(Employee? Employee, IReadOnlySet<string> Permissions, Guid SessionId, SsoRefusal? Refusal, string? Detail)
{
    [MemberNotNullWhen(true, nameof(Employee))]
    [MemberNotNullWhen(false, nameof(Refusal), nameof(Detail))]
    public bool Succeeded => Employee is not null;

    public static SsoSignInResult Refused(SsoRefusal refusal, string detail) => new(null, new HashSet<string>(), Guid.Empty, refusal, detail);
}
