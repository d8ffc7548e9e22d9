using System.Text.RegularExpressions;
using EfficiencyMisnomer.Diagnostics;

namespace EfficiencyMisnomer.Fuzz.Tests;

/// <summary>
/// The contract every reader and front end keeps for any input (DESIGN.md, "Errors and bad input"): it returns, or
/// throws <see cref="EfficiencyException"/> with a code <c>EM</c> + 4 digits that is not <c>EM9999</c>; every
/// diagnostic is one line, its quoted user data escaped and bounded; nothing prints a stack trace or a file's
/// contents. A breach throws <see cref="InvariantBroken"/>, which the driver reports with the input.
/// </summary>
internal static partial class Invariants
{
    /// <summary>
    /// The longest diagnostic accepted: a message quotes a few values of at most <see cref="UserText.DefaultMaxLength"/>
    /// characters each, plus a list of known keys or names; anything longer quotes without bound.
    /// </summary>
    public const int MaxDiagnosticLength = 4000;

    /// <summary>Written into files given in the wrong role: no output may ever show it.</summary>
    public const string Canary = "hunter2-canary-7f3a";

    /// <summary>Runs <paramref name="call"/>: returns "ok", or the code of the coded error it threw, checked.</summary>
    public static string Coded(Action call)
    {
        try
        {
            call();
            return "ok";
        }
        catch (EfficiencyException e)
        {
            Diagnostic(e.Diagnostic);
            return e.Code;
        }
    }

    /// <summary>Checks one diagnostic: its code, one line, escaped, bounded, no canary.</summary>
    public static void Diagnostic(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        if (!CodePattern().IsMatch(diagnostic.Code ?? ""))
        {
            throw new InvariantBroken($"diagnostic code '{UserText.Quote(diagnostic.Code)}' is not EM + 4 digits: {diagnostic}");
        }

        if (diagnostic.Code == ErrorCodes.InternalError)
        {
            throw new InvariantBroken($"internal error (EM9999) on user input: {diagnostic}");
        }

        // The message itself must quote escaped text; ToString escapes again, a last line of defence only.
        var unsafeAt = IndexOfUnsafe(diagnostic.Message ?? "", allowNewline: false);
        if (unsafeAt >= 0)
        {
            throw new InvariantBroken($"{diagnostic.Code} message holds an unescaped U+{(int)diagnostic.Message![unsafeAt]:X4} at {unsafeAt}: {diagnostic}");
        }

        var text = diagnostic.ToString();
        if (text.Length > MaxDiagnosticLength)
        {
            throw new InvariantBroken($"{diagnostic.Code} message is {text.Length} characters long (bound {MaxDiagnosticLength}): {UserText.Quote(text, 400)}");
        }

        NoCanary(text, diagnostic.Code ?? "a diagnostic");
    }

    public static void Diagnostics(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            Diagnostic(diagnostic);
        }
    }

    /// <summary>Text a front end printed: lines only where it means them, no control characters, no stack trace, no canary.</summary>
    public static void PrintedText(string text, string what)
    {
        ArgumentNullException.ThrowIfNull(text);
        var unsafeAt = IndexOfUnsafe(text, allowNewline: true);
        if (unsafeAt >= 0)
        {
            var from = Math.Max(0, unsafeAt - 60);
            throw new InvariantBroken($"{what} holds an unescaped U+{(int)text[unsafeAt]:X4}: ...{UserText.Quote(text[from..Math.Min(text.Length, unsafeAt + 60)])}...");
        }

        if (StackFrame().Match(text) is { Success: true } frame)
        {
            throw new InvariantBroken($"{what} shows a stack trace: {UserText.Quote(frame.Value)}");
        }

        NoCanary(text, what);
    }

    public static void NoCanary(string text, string what)
    {
        if (text.Contains(Canary, StringComparison.Ordinal))
        {
            throw new InvariantBroken($"{what} quotes the contents of a file read in the wrong role (the canary '{Canary}')");
        }
    }

    /// <summary>The first character that could change how a terminal or log shows text: UserText's rule, tabs allowed, newlines where <paramref name="allowNewline"/>.</summary>
    public static int IndexOfUnsafe(string text, bool allowNewline)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\t' || (allowNewline && (c == '\n' || (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n'))))
            {
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c) || UserText.IsUnsafe(c))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>An exception that is not a coded error, named with the frames of our code it came from.</summary>
    public static string Describe(Exception e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e is InvariantBroken)
        {
            return e.Message;
        }

        var frames = (e.StackTrace ?? "").Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.StartsWith("at EfficiencyMisnomer.", StringComparison.Ordinal) && !l.Contains(".Fuzz.Tests.", StringComparison.Ordinal))
            .Select(l => Regex.Replace(l, @" in .*?([^/\\]+:line \d+)$", " in $1"))
            .Take(6);
        return $"uncaught {e.GetType().FullName}: {UserText.Quote(e.Message, 300)} | {string.Join(" | ", frames)}";
    }

    [GeneratedRegex(@"^EM\d{4}$")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"^\s+at [\w.<>`]+[.:][\w<>`]+\(.*$", RegexOptions.Multiline)]
    private static partial Regex StackFrame();
}
