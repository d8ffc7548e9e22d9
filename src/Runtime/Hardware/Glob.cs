using System.Text.RegularExpressions;

namespace EfficiencyMisnomer.Runtime.Hardware;

/// <summary>
/// The patterns of a profile's <c>match</c>: <c>*</c> is any run of characters, <c>?</c> one character, the rest
/// literal; the whole value must match, ignoring case. No other wildcard, so a CPU model name is always a
/// pattern that matches itself.
/// </summary>
public static class Glob
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    public static bool IsMatch(string pattern, string text)
    {
        var expression = "^" + Regex.Escape(pattern).Replace(@"\*", ".*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal) + "$";
        return Regex.IsMatch(text, expression, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline, Timeout);
    }
}
