using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Roster.Console.Tests.Localization;

/// <summary>
/// The visible text a Razor page writes straight into its markup: text between tags, and the
/// <c>title</c>, <c>aria-label</c>, <c>placeholder</c> and <c>alt</c> attributes and the
/// <c>value</c> of an input button, once every Razor expression (<c>@T["..."]</c>,
/// <c>@(...)</c>, <c>@Model.X</c>), code block, directive and comment is blanked out. What is
/// left with a letter in it was written in English for every reader. The contents of
/// <c>code</c>, <c>pre</c>, <c>kbd</c>, <c>samp</c>, <c>script</c> and <c>style</c> are
/// machine text and are not read. A page's title given as a literal in its code block
/// (<c>ViewData["Title"] = "..."</c>) is visible too, and found.
/// </summary>
internal static partial class MarkupText
{
    private static readonly string[] Keywords = ["if", "foreach", "for", "while", "switch", "lock", "using", "do", "try"];

    private static readonly string[] ShownAttributes = ["title", "aria-label", "placeholder", "alt"];

    private static readonly string[] Directives = ["page", "model", "using", "inject", "addTagHelper", "inherits", "layout", "namespace"];

    /// <summary>Each piece of text written into <paramref name="page"/>: where (line), how (text or the attribute's name) and what.</summary>
    public static IReadOnlyList<(int Line, string Kind, string Text)> Find(string page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var found = new List<(int, string, string)>();
        foreach (Match title in LiteralTitle().Matches(page))
        {
            found.Add((LineOf(page, title.Index), "title", title.Groups["text"].Value));
        }

        // Blanked rather than removed, so that an offset in the markup is the same line as in the page.
        var markup = BlankRazor(page);
        markup = MachineText().Replace(markup, m => Blank(m.Value));
        foreach (Match tag in Tag().Matches(markup))
        {
            var name = tag.Groups["name"].Value;
            var attributes = tag.Groups["attributes"].Value;
            foreach (Match attribute in Attribute().Matches(attributes))
            {
                var attributeName = attribute.Groups["name"].Value;
                var value = attribute.Groups["double"].Success ? attribute.Groups["double"].Value : attribute.Groups["single"].Value;
                // A <button>'s value is what the form sends, not what it shows; an input button shows its value.
                var shown = ShownAttributes.Contains(attributeName, StringComparer.OrdinalIgnoreCase)
                    || (attributeName.Equals("value", StringComparison.OrdinalIgnoreCase) && name.Equals("input", StringComparison.OrdinalIgnoreCase) && InputButton().IsMatch(attributes));
                if (shown && HasLetters(WebUtility.HtmlDecode(value)))
                {
                    found.Add((LineOf(markup, tag.Index), attributeName, Collapse(WebUtility.HtmlDecode(value))));
                }
            }
        }

        foreach (Match node in TextNode().Matches(markup))
        {
            var text = string.Join(" ", node.Groups["text"].Value.Split('\n').Select(WithoutCode).Where(l => l.Length > 0));
            text = Collapse(WebUtility.HtmlDecode(text));
            if (HasLetters(text))
            {
                found.Add((LineOf(markup, node.Index + 1 + (node.Groups["text"].Value.Length - node.Groups["text"].Value.TrimStart().Length)), "text", text));
            }
        }

        return found;
    }

    public static bool HasLetters(string text) => text.Any(char.IsLetter);

    /// <summary>
    /// A line of a text node that is C# inside a Razor block (<c>var id = ...;</c>, <c>else</c>,
    /// a brace) is not text; what is left of the line is.
    /// </summary>
    private static string WithoutCode(string line)
    {
        var text = line.Trim();
        if (text.EndsWith(';') || CodeLine().IsMatch(text))
        {
            return "";
        }

        return text.Trim('{', '}', ' ', '\t', '\r');
    }

    private static bool StartsLine(string page, int at)
    {
        var i = at - 1;
        while (i >= 0 && page[i] is ' ' or '\t')
        {
            i--;
        }

        return i < 0 || page[i] == '\n';
    }

    private static string Collapse(string text) => Whitespace().Replace(text, " ").Trim();

    private static int LineOf(string text, int offset) => text.AsSpan(0, Math.Min(offset, text.Length)).Count('\n') + 1;

    private static string Blank(string text) => new(text.Select(c => c == '\n' ? '\n' : ' ').ToArray());

    /// <summary>The page with every Razor comment, directive, code block and expression replaced by spaces.</summary>
    private static string BlankRazor(string page)
    {
        var text = new StringBuilder(page);
        var i = 0;
        while (i < page.Length)
        {
            if (ElseAt(page, i) is { } elseEnd)
            {
                // "} else {" and "} else if (...) {" between blocks of markup are C#.
                for (var j = i; j < elseEnd; j++)
                {
                    if (page[j] != '\n')
                    {
                        text[j] = ' ';
                    }
                }

                i = elseEnd;
                continue;
            }

            if (page[i] != '@' || (i > 0 && char.IsLetterOrDigit(text[i - 1])))
            {
                // An @ inside a word is an email address, which Razor leaves as text; one right after an expression starts another.
                i++;
                continue;
            }

            var end = RazorEnd(page, i);
            for (var j = i; j < end; j++)
            {
                if (page[j] != '\n')
                {
                    text[j] = ' ';
                }
            }

            i = Math.Max(end, i + 1);
        }

        return text.ToString();
    }

    /// <summary>Where an <c>else</c> that follows a block's closing brace at <paramref name="at"/> ends, with its condition; null when there is none.</summary>
    private static int? ElseAt(string page, int at)
    {
        if (string.CompareOrdinal(page, at, "else", 0, 4) != 0 || (at + 4 < page.Length && char.IsLetterOrDigit(page[at + 4])))
        {
            return null;
        }

        var before = at - 1;
        while (before >= 0 && char.IsWhiteSpace(page[before]))
        {
            before--;
        }

        if (before < 0 || page[before] != '}')
        {
            return null;
        }

        var i = at + 4;
        var condition = ElseIf().Match(page, i);
        return condition.Success && condition.Index == i ? Balanced(page, i + condition.Length - 1) : i;
    }

    /// <summary>Where the Razor construct that starts at <paramref name="at"/> (an @) ends.</summary>
    private static int RazorEnd(string page, int at)
    {
        var i = at + 1;
        if (i >= page.Length)
        {
            return i;
        }

        switch (page[i])
        {
            case '@':
                // "@@" is a literal @, no letter.
                return at + 2;
            case '*':
                var close = page.IndexOf("*@", i, StringComparison.Ordinal);
                return close < 0 ? page.Length : close + 2;
            case '{':
            case '(':
                return Balanced(page, i);
            case ':':
                // "@:" starts a line of markup: the marker alone is Razor.
                return i + 1;
        }

        var word = Identifier().Match(page, i);
        if (!word.Success || word.Index != i)
        {
            return i;
        }

        var name = word.Value;
        if (Directives.Contains(name) && StartsLine(page, at))
        {
            var line = page.IndexOf('\n', i);
            return line < 0 ? page.Length : line;
        }

        i += name.Length;
        if (Keywords.Contains(name))
        {
            // The condition only: the block's braces and its markup are read as markup.
            while (i < page.Length && char.IsWhiteSpace(page[i]) && page[i] != '\n')
            {
                i++;
            }

            return i < page.Length && page[i] == '(' ? Balanced(page, i) : i;
        }

        if (name == "await")
        {
            while (i < page.Length && page[i] == ' ')
            {
                i++;
            }

            var awaited = Identifier().Match(page, i);
            if (awaited.Success && awaited.Index == i)
            {
                i += awaited.Length;
            }
        }

        // An implicit expression: Model.Employee.Email, T["..."], Html.When(x), a?.b, a![0]; a full stop ends it.
        while (i < page.Length)
        {
            if (page[i] is '(' or '[')
            {
                i = Balanced(page, i);
                continue;
            }

            var j = page[i] is '?' or '!' ? i + 1 : i;
            if (j > i && j < page.Length && page[j] == '[')
            {
                i = j;
                continue;
            }

            if (j < page.Length && page[j] == '.' && Identifier().Match(page, j + 1) is { Success: true } member && member.Index == j + 1)
            {
                i = j + 1 + member.Length;
                continue;
            }

            break;
        }

        return i;
    }

    /// <summary>Where the bracket opened at <paramref name="open"/> closes, past C# strings, characters and comments.</summary>
    private static int Balanced(string page, int open)
    {
        var depth = 0;
        var i = open;
        while (i < page.Length)
        {
            var c = page[i];
            if (c == '"')
            {
                i = StringEnd(page, i);
                continue;
            }

            if (c == '\'' && CharLiteral().Match(page, i) is { Success: true } literal && literal.Index == i)
            {
                i += literal.Length;
                continue;
            }

            if (c == '/' && i + 1 < page.Length && page[i + 1] == '/')
            {
                var line = page.IndexOf('\n', i);
                i = line < 0 ? page.Length : line;
                continue;
            }

            if (c == '/' && i + 1 < page.Length && page[i + 1] == '*')
            {
                var close = page.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = close < 0 ? page.Length : close + 2;
                continue;
            }

            if (c is '(' or '[' or '{')
            {
                depth++;
            }
            else if (c is ')' or ']' or '}')
            {
                depth--;
                if (depth == 0)
                {
                    return i + 1;
                }
            }

            i++;
        }

        return page.Length;
    }

    /// <summary>Past a C# string literal that opens at <paramref name="quote"/>: regular, verbatim (@"...") or raw ("""...""").</summary>
    private static int StringEnd(string page, int quote)
    {
        if (string.CompareOrdinal(page, quote, "\"\"\"", 0, 3) == 0)
        {
            var close = page.IndexOf("\"\"\"", quote + 3, StringComparison.Ordinal);
            return close < 0 ? page.Length : close + 3;
        }

        var verbatim = (quote > 0 && page[quote - 1] == '@') || (quote > 1 && page[quote - 1] == '$' && page[quote - 2] == '@');
        var i = quote + 1;
        while (i < page.Length)
        {
            if (page[i] == '\\' && !verbatim)
            {
                i += 2;
                continue;
            }

            if (page[i] == '"')
            {
                if (verbatim && i + 1 < page.Length && page[i + 1] == '"')
                {
                    i += 2;
                    continue;
                }

                return i + 1;
            }

            i++;
        }

        return page.Length;
    }

    [GeneratedRegex("""ViewData\["Title"\]\s*=\s*"(?<text>[^"]*\p{L}[^"]*)"\s*;""")]
    private static partial Regex LiteralTitle();

    [GeneratedRegex(@"<!--.*?-->|<(?<tag>code|pre|kbd|samp|script|style)\b[^>]*>.*?</\k<tag>\s*>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex MachineText();

    [GeneratedRegex("""<(?<name>[A-Za-z][\w:-]*)(?<attributes>(?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*/?>""")]
    private static partial Regex Tag();

    [GeneratedRegex("""(?<name>[^\s=/>]+)\s*=\s*(?:"(?<double>[^"]*)"|'(?<single>[^']*)')""")]
    private static partial Regex Attribute();

    [GeneratedRegex("""\btype\s*=\s*["']?(submit|button|reset)\b""", RegexOptions.IgnoreCase)]
    private static partial Regex InputButton();

    [GeneratedRegex(@">(?<text>[^<>]*)<")]
    private static partial Regex TextNode();

    [GeneratedRegex(@"^[{}\s]*(?:(?:else\s+)?(?:if|foreach|for|while|switch)\s*\(|else\s*(?:\{|$)|case\s[^:]*:|default:)")]
    private static partial Regex CodeLine();

    [GeneratedRegex(@"\s+if\s*\(")]
    private static partial Regex ElseIf();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"[A-Za-z_]\w*")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"'(?:\\.[^']*|[^\\'])'")]
    private static partial Regex CharLiteral();
}
