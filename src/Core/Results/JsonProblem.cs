using System.Text.Json;
using System.Text.RegularExpressions;
using EfficiencyMisnomer.Diagnostics;

namespace EfficiencyMisnomer.Results;

/// <summary>
/// What a JSON reader's error says, for a message about a results document or a baseline: where (line and column, and
/// the member's path), and why, without the document's text (System.Text.Json quotes the character it stopped at).
/// </summary>
internal static partial class JsonProblem
{
    public const string NotFinite = "a number too large or too small to hold (it would read as infinity)";
    public const string NotANumber = "a value that is not a number where a number belongs";

    /// <summary><c>(line,column)</c> of the error, 1-based, or empty when the reader does not say.</summary>
    public static string Position(JsonException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.LineNumber is { } line ? $"({line + 1},{(e.BytePositionInLine ?? 0) + 1})" : "";
    }

    /// <summary>Why the document was refused, and at which member when the reader says.</summary>
    public static string Reason(JsonException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var reason = FirstSentence(e.Message);
        // The reader's syntax errors start with the character it stopped at: a byte of a file that may not be ours to print.
        reason = QuotedCharacter().Replace(reason, "a character");
        return e.Path is { Length: > 1 } path ? $"{reason} (at {UserText.Quote(path)})" : reason;
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message.TrimEnd('.');
    }

    [GeneratedRegex(@"^'[^']{0,8}'")]
    private static partial Regex QuotedCharacter();
}
