namespace Roster.Directory.SecondFactors;

/// <summary>The audit log's actions for second factors. No row holds a secret or a code.</summary>
public static class SecondFactorAudit
{
    public const string Enrol = "second_factor.enrol";
    public const string Reset = "second_factor.reset";
    public const string RecoveryCodeUse = "second_factor.recovery_code.use";
}
