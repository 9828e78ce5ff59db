using System.Net;
using System.Text;
using Microsoft.Extensions.Primitives;
using Roster.Scim.Errors;
using Roster.Server.Admin.Http;
using Roster.Server.Console;
using Roster.Server.Console.Http;
using Roster.Server.Scim.Http;

namespace Roster.Server.Security;

/// <summary>
/// Refuses U+0000 (NUL) wherever a request carries text outside a JSON body: the path, the query
/// string, HTTP Basic credentials and the fields of a form. No SCIM attribute, filter, admin field
/// or OAuth parameter has a use for it, and PostgreSQL's text cannot hold it: a NUL that reached a
/// statement failed there with a 500, even on anonymous requests (an admin sign-in email, a
/// <c>client_id</c>). JSON bodies are refused by their readers (<c>RequestBodyParser</c> for SCIM,
/// <see cref="NulRefusingStringConverter"/> for the admin API). It runs before authentication and
/// the credential throttle, so no credential lookup ever sees such a string, and each API answers in
/// its own words: a SCIM error, an OAuth error, a console page or a ProblemDetails; all are 400.
/// Kestrel itself refuses NUL in header values.
/// </summary>
public static class NulCharacterGuard
{
    private const string OAuthRoot = "/auth";

    public static WebApplication UseNulCharacterGuard(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(async (context, next) =>
        {
            if (await FindAsync(context.Request, context.RequestAborted) is { } where)
            {
                await RefuseAsync(context, where);
                return;
            }

            await next(context);
        });
        return app;
    }

    /// <summary>Where the request holds a NUL, or null.</summary>
    private static async Task<Place?> FindAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (Holds(request.Path.Value))
        {
            return Nul("the path");
        }

        foreach (var (name, values) in request.Query)
        {
            if (Holds(name) || Holds(values))
            {
                return Nul($"the query parameter '{Printable(name)}'", name);
            }
        }

        if (BasicCredentials(request) is { } credentials && (Holds(credentials)
            || (request.Path.StartsWithSegments(OAuthRoot, StringComparison.OrdinalIgnoreCase) && Holds(WebUtility.UrlDecode(credentials)))))
        {
            // An OAuth client's Basic credentials are form-encoded first (RFC 6749 section 2.3.1), so %00 is a NUL there.
            return Nul("the HTTP Basic credentials");
        }

        // Only the console and the OAuth endpoints read forms; the SCIM and admin APIs answer 415 to one.
        if (request.HasFormContentType && (ConsolePaths.IsConsole(request.Path) || request.Path.StartsWithSegments(OAuthRoot, StringComparison.OrdinalIgnoreCase)))
        {
            IFormCollection form;
            try
            {
                // Buffered: the endpoint (OpenIddict, Razor Pages) reads the same form again.
                form = await request.ReadFormAsync(cancellationToken);
            }
            catch (Exception e) when (e is InvalidDataException || (e is IOException && e is not BadHttpRequestException))
            {
                // ASP.NET Core's form reader refuses %00 itself, and so it does a form over its limits
                // (too many fields, a value too long) or a broken multipart body; every endpoint would
                // meet the same error, so it is answered here, in the endpoint's words.
                return new Place(e.InnerException is InvalidOperationException
                    ? "A form field holds U+0000 (a NUL character), which no field of this API can hold. Remove it and send the form again."
                    : $"The form could not be read: {e.Message}");
            }

            foreach (var (name, values) in form)
            {
                if (Holds(name) || Holds(values))
                {
                    return Nul($"the form field '{Printable(name)}'", name);
                }
            }
        }

        return null;
    }

    private static Task RefuseAsync(HttpContext context, Place place)
    {
        var request = context.Request;
        var detail = place.Detail;
        if (ScimPaths.IsScim(request.Path))
        {
            var error = string.Equals(place.Parameter, "filter", StringComparison.OrdinalIgnoreCase)
                ? ScimError.InvalidFilter(detail)
                : ScimError.InvalidValue(detail);
            return ScimErrorResult.WriteAsync(context, error);
        }

        if (request.Path.StartsWithSegments(OAuthRoot, StringComparison.OrdinalIgnoreCase))
        {
            // RFC 6749 section 5.2: a request with a malformed parameter is invalid_request.
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Response.Headers.CacheControl = "no-store";
            return context.Response.WriteAsJsonAsync(
                new Dictionary<string, string> { ["error"] = "invalid_request", ["error_description"] = detail },
                context.RequestAborted);
        }

        return ConsolePaths.IsConsole(request.Path)
            ? ConsoleStatusCodePages.WriteAsync(context, StatusCodes.Status400BadRequest, detail)
            : AdminProblems.WriteAsync(context, StatusCodes.Status400BadRequest, detail);
    }

    /// <summary>The decoded <c>user:password</c> of an HTTP Basic <c>Authorization</c> header, or null.</summary>
    private static string? BasicCredentials(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var bytes = new byte[header.Length];
        return Convert.TryFromBase64String(header[6..].Trim(), bytes, out var length) ? Encoding.UTF8.GetString(bytes, 0, length) : null;
    }

    private static bool Holds(string? text) => text is not null && text.Contains('\0', StringComparison.Ordinal);

    private static bool Holds(StringValues values)
    {
        foreach (var value in values)
        {
            if (Holds(value))
            {
                return true;
            }
        }

        return false;
    }

    // The name is echoed in the answer: without its NUL, which the answer could not carry either.
    private static string Printable(string name)
    {
        var shown = name.Replace("\0", "", StringComparison.Ordinal);
        return shown.Length <= 64 ? shown : string.Concat(shown.AsSpan(0, char.IsHighSurrogate(shown[63]) ? 63 : 64), "...");
    }

    private static Place Nul(string where, string? parameter = null) =>
        new($"{char.ToUpperInvariant(where[0])}{where[1..]} holds U+0000 (a NUL character), which no field of this API can hold. Remove it and send the request again.", parameter);

    /// <summary>What is refused (<paramref name="Detail"/>, the answer's sentence) and in which query parameter or form field, if one.</summary>
    private sealed record Place(string Detail, string? Parameter = null);
}
