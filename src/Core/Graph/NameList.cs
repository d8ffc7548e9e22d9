using EfficiencyMisnomer.Diagnostics;

namespace EfficiencyMisnomer.Graph;

/// <summary>Names from a model listed in a message: each quoted (<see cref="UserText.Quote"/>), at most a few of them, the rest counted.</summary>
internal static class NameList
{
    public const int MaxShown = 20;

    public static string Of(IEnumerable<string> names, int maxShown = MaxShown)
    {
        var all = names.ToList();
        var shown = string.Join(", ", all.Take(maxShown).Select(n => UserText.Quote(n)));
        return all.Count > maxShown ? $"{shown} and {all.Count - maxShown} more" : shown;
    }

    /// <summary>Numbers (dims, axes) as a list, the first few of a long one.</summary>
    public static string Of(IEnumerable<long> numbers, int maxShown = MaxShown) =>
        Of(numbers.Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)), maxShown);
}
