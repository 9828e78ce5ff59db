using System.CommandLine.Parsing;

namespace Roster.Bench.Cli;

/// <summary>The command line as the report header shows it, with the bearer token masked: reports get pasted into issues.</summary>
internal static class CommandLineText
{
    private const string TokenOption = "--token";

    public static string Redacted(IReadOnlyList<Token> tokens)
    {
        List<string> words = ["roster-bench"];
        bool nextIsToken = false;
        foreach (Token token in tokens)
        {
            string word = token.Value;
            if (nextIsToken)
            {
                word = Mask(word);
                nextIsToken = false;
            }
            else if (word == TokenOption)
            {
                nextIsToken = true;
            }
            else if (word.StartsWith(TokenOption + "=", StringComparison.Ordinal) || word.StartsWith(TokenOption + ":", StringComparison.Ordinal))
            {
                word = string.Concat(word.AsSpan(0, TokenOption.Length + 1), Mask(word[(TokenOption.Length + 1)..]));
            }

            words.Add(word.Contains(' ', StringComparison.Ordinal) ? $"\"{word}\"" : word);
        }

        return string.Join(' ', words);
    }

    // Keep a recognisable prefix (roster_scim_) so a reader can tell which kind of credential was used.
    private static string Mask(string secret)
    {
        int keep = secret.StartsWith("roster_scim_", StringComparison.Ordinal) ? "roster_scim_".Length : 0;
        return string.Concat(secret.AsSpan(0, keep), "***");
    }
}
