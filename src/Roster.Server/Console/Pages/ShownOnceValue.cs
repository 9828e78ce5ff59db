namespace Roster.Server.Console.Pages;

/// <summary>
/// A credential rendered once, in the answer to the POST that made it (never kept in TempData or
/// a cookie): a read-only field with a copy button, and a "show" toggle when it starts masked.
/// </summary>
/// <param name="ElementId">The field's id, which copy buttons and tests find it by.</param>
/// <param name="Label">What the value is, in the product's words ("Secret access key").</param>
/// <param name="Value">The value itself.</param>
/// <param name="Masked">Starts hidden behind "Show secret" (CXone's "(show secret key)").</param>
public sealed record ShownOnceValue(string ElementId, string Label, string Value, bool Masked = false);
