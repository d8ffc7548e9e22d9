using System.Text;
using EfficiencyMisnomer.Diagnostics;
using NUnit.Framework.Interfaces;

namespace EfficiencyMisnomer.TestAdapter;

/// <summary>
/// Why the generated tests of one <see cref="EfficiencySpecsAttribute"/> were skipped, said once after they ran. The
/// console logger of <c>dotnet test</c> names a skipped test without its reason below normal verbosity; text written
/// to the test error stream is shown at every verbosity, so a profile that did not match this machine is never silent.
/// </summary>
internal static class SkipReasons
{
    private const string Heading = "{0} efficiency test(s) skipped:";

    /// <summary>
    /// One line per skipped test among the results of <paramref name="suite"/> (only the tests this run selected),
    /// under a heading; null when none was skipped.
    /// </summary>
    public static string? Text(ITestResult suite)
    {
        ArgumentNullException.ThrowIfNull(suite);
        var skipped = suite.Children.Where(r => r.ResultState.Status == TestStatus.Skipped).ToList();
        if (skipped.Count == 0)
        {
            return null;
        }

        var text = new StringBuilder(UserText.Format(Heading, skipped.Count));
        foreach (var result in skipped)
        {
            text.AppendLine().Append("  ").Append(result.Name).Append(": ").Append(string.IsNullOrWhiteSpace(result.Message) ? "no reason given" : result.Message.Trim());
        }

        return text.ToString();
    }
}
