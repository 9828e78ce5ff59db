namespace Roster.Directory.Onboarding;

/// <summary>The audit log's actions and resource type for setup links.</summary>
public static class OnboardingAuditActions
{
    public const string SetupLinkIssue = "setup_link.issue";

    /// <summary>A setup link made the first administrator; the resource is the link, the changes name the person.</summary>
    public const string SetupLinkUse = "setup_link.use";

    public const string SetupLinkResource = "SetupLink";

    /// <summary>The audit log's client for what a setup link does.</summary>
    public const string SetupLinkClient = "setup-link";
}
