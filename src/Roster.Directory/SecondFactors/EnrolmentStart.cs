namespace Roster.Directory.SecondFactors;

/// <summary>A new authenticator secret, shown once while the person sets the app up: as text and as the URI its QR code holds.</summary>
public sealed record EnrolmentStart(string Secret, string OtpAuthUri);
