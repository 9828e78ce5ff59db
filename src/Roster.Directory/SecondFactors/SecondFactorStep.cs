namespace Roster.Directory.SecondFactors;

/// <summary>What sign-in still needs after the right password.</summary>
public enum SecondFactorStep
{
    /// <summary>Nothing: the password is enough.</summary>
    None,

    /// <summary>A code from the person's authenticator app, or a recovery code.</summary>
    Code,

    /// <summary>The tenant requires a second factor of this person, who has none yet: set one up first.</summary>
    Enrol,
}
