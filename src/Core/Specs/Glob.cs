using System.IO.Enumeration;

namespace EfficiencyMisnomer.Specs;

/// <summary>
/// The patterns of a spec (a profile's <c>match</c>, a benchmark's <c>cases</c>): <c>*</c> is any run of characters, <c>?</c> one character, the rest
/// literal; the whole value must match, ignoring case. No other wildcard, so a CPU model name is always a
/// pattern that matches itself. The matching is the runtime's own simple-expression matcher (no backtracking).
/// </summary>
public static class Glob
{
    public static bool IsMatch(string pattern, string text)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(text);

        // The matcher is made for file names, which are never empty: an empty value matches only stars. It reads a
        // backslash as an escape, so a literal one is doubled.
        return text.Length == 0
            ? pattern.All(c => c == '*')
            : FileSystemName.MatchesSimpleExpression(pattern.Replace(@"\", @"\\", StringComparison.Ordinal), text, ignoreCase: true);
    }
}
