using QRCoder;
using Roster.Directory.SecondFactors;

namespace Roster.Server.Console.Pages;

/// <summary>
/// A new authenticator secret as a page shows it once: a QR code of its <c>otpauth://</c> URI
/// (a PNG data URI, which the console's content security policy allows), the URI and the base32
/// secret as text, and a form that confirms it with the first code.
/// </summary>
/// <param name="Start">The secret and its URI.</param>
/// <param name="Handler">The page handler the code is posted to.</param>
/// <param name="ReturnUrl">Where a sign-in goes after, when there is one.</param>
public sealed record AuthenticatorSetup(EnrolmentStart Start, string Handler, string? ReturnUrl = null)
{
    public string QrCodeDataUri
    {
        get
        {
            ArgumentNullException.ThrowIfNull(Start);
            using var generator = new QRCodeGenerator();
            using var data = generator.CreateQrCode(Start.OtpAuthUri, QRCodeGenerator.ECCLevel.M);
            return "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(5));
        }
    }
}
