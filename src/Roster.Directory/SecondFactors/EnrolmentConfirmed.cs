using Roster.Directory.Employees;

namespace Roster.Directory.SecondFactors;

/// <summary>A confirmed authenticator app: the recovery codes, shown once, and the person as a sign-in goes on with them.</summary>
/// <param name="RecoveryCodes">Ten codes, each good once; only their hashes are stored.</param>
/// <param name="SignIn">The person and their permissions now, or a failure when they may no longer sign in.</param>
public sealed record EnrolmentConfirmed(IReadOnlyList<string> RecoveryCodes, SignInResult SignIn);
