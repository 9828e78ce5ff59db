using System.Text.Encodings.Web;

namespace Roster.Server.Console.Sso;

/// <summary>
/// The page a person sees when a sign-in through an identity provider does not end in a console
/// session: what happened in a sentence and a way back to the sign-in page; never an exception's text.
/// </summary>
public static class SsoPage
{
    public static IResult Refused(int status, string title, string detail)
    {
        var encoder = HtmlEncoder.Default;
        var html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">" +
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
            $"<title>{encoder.Encode(title)} - Roster</title><link rel=\"stylesheet\" href=\"{ConsolePaths.Assets}/console.css\"></head>" +
            $"<body><main id=\"main\" class=\"narrow\"><h1>{encoder.Encode(title)}</h1><p class=\"sso-refusal\">{encoder.Encode(detail)}</p>" +
            $"<p><a href=\"{ConsoleAuthentication.SignInPath}\">Back to the sign-in page</a></p></main></body></html>";
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }
}
