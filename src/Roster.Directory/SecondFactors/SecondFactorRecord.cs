namespace Roster.Directory.SecondFactors;

/// <summary>
/// A person's authenticator app (<c>second_factors</c>): the TOTP secret (RFC 6238), protected
/// with the data-protection keys, since it must be read to check a code. Unconfirmed until the
/// person has typed a code from the app (<see cref="Confirmed"/>); only then does sign-in ask for it.
/// </summary>
public sealed class SecondFactorRecord
{
    public Guid TenantId { get; set; }

    public Guid UserId { get; set; }

    public required string ProtectedSecret { get; set; }

    public DateTimeOffset Created { get; set; }

    public DateTimeOffset? Confirmed { get; set; }

    /// <summary>The time step of the last code accepted: a code is good once, and never one older than it.</summary>
    public long? LastStep { get; set; }
}
