namespace Roster.Server.Console.Localization;

/// <summary>
/// The console's words in every language it speaks: <c>ConsoleText.{ja,ko,zh-Hans}.resx</c> beside
/// this type, read through <c>IStringLocalizer&lt;ConsoleText&gt;</c> (<c>T</c> in every page).
/// The key of each entry is its English text, so English needs no file and a page written in
/// English works before it is translated; <c>UntranslatedTextTests</c> fails until it is.
/// Values are composite formats: <c>{0}</c> is the first value given.
/// </summary>
public sealed class ConsoleText;
