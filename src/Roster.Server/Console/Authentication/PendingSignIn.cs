using Roster.Directory.SecondFactors;

namespace Roster.Server.Console.Authentication;

/// <summary>A sign-in whose password was right and that still needs <see cref="Step"/>; it grants nothing by itself.</summary>
/// <param name="TenantId">The organization signed in to.</param>
/// <param name="UserId">The person.</param>
/// <param name="Step">A code, or setting up an authenticator app first.</param>
/// <param name="Expires">When the person must enter the password again.</param>
public sealed record PendingSignIn(Guid TenantId, Guid UserId, SecondFactorStep Step, DateTimeOffset Expires);
