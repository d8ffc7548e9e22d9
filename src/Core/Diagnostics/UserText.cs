using System.Globalization;
using System.Text;

namespace EfficiencyMisnomer.Diagnostics;

/// <summary>
/// User data quoted in a message (a model or node name, an operator type, a path, a key): escaped so that it cannot
/// start a new log line, move the cursor, colour the terminal or reorder text, and cut to a bounded length, so that a
/// spec or model cannot forge output (a CI workflow command, a fake passing line) or flood a log.
/// </summary>
public static class UserText
{
    /// <summary>The characters of one quoted value kept at most; the rest is counted, not shown.</summary>
    public const int DefaultMaxLength = 200;

    /// <summary>
    /// A message from its template (a constant beside the code that raises it) and arguments, in the invariant culture:
    /// the one way messages are formatted, so that a number reads the same on every machine. Quote user data first.
    /// </summary>
    public static string Format(string template, params object?[] args) => string.Format(CultureInfo.InvariantCulture, template, args);

    /// <summary>A message from a template parsed once (for messages built in loops), in the invariant culture.</summary>
    public static string Format(CompositeFormat template, params object?[] args) => string.Format(CultureInfo.InvariantCulture, template, args);

    /// <summary><paramref name="value"/> escaped and cut to <paramref name="maxLength"/> characters (null reads as empty).</summary>
    public static string Quote(string? value, int maxLength = DefaultMaxLength)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var cut = value.Length > maxLength;
        var shown = cut ? value[..CutIndex(value, maxLength)] : value;
        var text = Escape(shown);
        return cut ? text + string.Create(CultureInfo.InvariantCulture, $"…({value.Length - shown.Length} more characters)") : text;
    }

    /// <summary>
    /// <paramref name="text"/> with every control character (C0, DEL, C1), line and paragraph separator and bidirectional
    /// control, and lone surrogate written as a visible escape (<c>\n</c>, <c>\u001b</c>); a backslash stays itself.
    /// Nothing is cut.
    /// </summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var firstUnsafe = IndexOfUnsafe(text);
        if (firstUnsafe < 0)
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16);
        escaped.Append(text, 0, firstUnsafe);
        for (var i = firstUnsafe; i < text.Length; i++)
        {
            var c = text[i];
            if (!IsUnsafeAt(text, i))
            {
                escaped.Append(c);
                continue;
            }

            escaped.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
            });
        }

        return escaped.ToString();
    }

    /// <summary>Whether <paramref name="c"/> could change how a terminal or log shows the text around it.</summary>
    public static bool IsUnsafe(char c) =>
        c < ' ' || c is >= '\u007f' and <= '\u009f'
        || c is '\u2028' or '\u2029' // line and paragraph separators
        || c is >= '\u202a' and <= '\u202e' // bidirectional embeddings and overrides
        || c is >= '\u2066' and <= '\u2069' // bidirectional isolates
        || c is '\u200e' or '\u200f' or '\u061c' // directional marks
        || c is '\ufeff';

    /// <summary>Whether the character at <paramref name="i"/> is unsafe, a surrogate without its other half included.</summary>
    public static bool IsUnsafeAt(string text, int i)
    {
        ArgumentNullException.ThrowIfNull(text);
        var c = text[i];
        if (char.IsHighSurrogate(c))
        {
            return i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]);
        }

        if (char.IsLowSurrogate(c))
        {
            return i == 0 || !char.IsHighSurrogate(text[i - 1]);
        }

        return IsUnsafe(c);
    }

    private static int IndexOfUnsafe(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (IsUnsafeAt(text, i))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Where to cut so that a surrogate pair is never split.</summary>
    private static int CutIndex(string value, int maxLength) =>
        maxLength > 0 && char.IsHighSurrogate(value[maxLength - 1]) ? maxLength - 1 : Math.Max(0, maxLength);
}
